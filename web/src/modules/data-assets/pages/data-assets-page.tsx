import { Route, Routes } from 'react-router-dom';
import { AssetDetail } from '../components/asset-detail';
import { AssetInventory } from '../components/asset-inventory';

/** 调研 → 数据资产: the inventory, and per asset its profile, quality rules, cleansing and history. */
export default function DataAssetsPage() {
  return (
    <div data-testid="data-assets-page">
      <Routes>
        <Route index element={<AssetInventory />} />
        <Route path=":assetId" element={<AssetDetail />} />
      </Routes>
    </div>
  );
}
