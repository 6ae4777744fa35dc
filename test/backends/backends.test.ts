// Issue 4's token battery against every generated backend (see battery.ts). Adding a backend
// is one entry in BACKENDS (harness.ts).
import { runBattery } from './battery.js';
import { BACKENDS } from './harness.js';

for (const entry of BACKENDS) runBattery(entry.name);
