// What other modules may ask about projects; only this module reads or writes the `project` table.
// The queries live in the repository; this file is the module's public surface.

export { findProjectName, listProjectIds, setPlannedGoLive } from './project.repository';
