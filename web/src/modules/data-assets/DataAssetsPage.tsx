// SCAFFOLD: replaced by the module's owner.
export default function DataAssetsPage() {
  return <div data-testid="data-assets-page" />;
}
