// SCAFFOLD: replaced by the permission-matrix owner. Mounted by BlueprintPage at blueprint/permissions.
export default function PermissionMatrixSection() {
  return <div data-testid="permission-matrix-section" />;
}
