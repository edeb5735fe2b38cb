// SCAFFOLD: replaced by the module's owner.
export default function BlueprintPage() {
  return <div data-testid="blueprint-page" />;
}
