// SCAFFOLD: replaced by the module's owner.
export default function MigrationPage() {
  return <div data-testid="migration-page" />;
}
