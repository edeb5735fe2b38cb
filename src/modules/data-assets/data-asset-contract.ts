// What other modules may ask about data assets (migration objects name their source asset); the
// queries live in the repository, this file is the module's public surface.

export { dataAssetNamesById } from './data-asset.repository';
