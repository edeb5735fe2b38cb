// SCAFFOLD: replaced by the assessment module's owner. Mounted by AssessmentPage (as-is) and BlueprintPage (to-be).
export default function ProcessMapsSection(props: { stage: 'as_is' | 'to_be' }) {
  return <div data-testid={`process-maps-${props.stage}`} />;
}
