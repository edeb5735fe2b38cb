/**
 * Importing this module registers every module's job handlers. `golive serve` gets them through
 * the routes' imports; a standalone `golive worker` has no routes, so it imports this.
 */
import '../modules/cutover/run.service';
import '../modules/data-assets/data-asset.service';
import '../modules/data-assets/data-asset-quality.service';
import '../modules/migration/migration-jobs';
