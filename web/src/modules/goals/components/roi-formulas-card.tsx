import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** How the server computes net benefit, NPV, ROI and payback, so the figures can be checked by hand. */
export function RoiFormulasCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('roi.formulas')} style={{ marginTop: 16 }} data-testid="roi-formulas">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text code>{t('roi.formulaNet')}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text code>NPV = −C₀ + Σₜ₌₁ⁿ (B − R) / (1 + r)ᵗ</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text code>ROI = (n·B − (C₀ + n·R)) / (C₀ + n·R) × 100%</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text code>{t('roi.formulaPayback')}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('roi.formulaLegend')}</Typography.Text>
    </Card>
  );
}
