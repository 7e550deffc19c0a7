// Prints the executable of the packaged Chromium (@sparticuz/chromium), unpacking it if needed.
// `.ci/run` uses it to run the browser tests on the browser a machine with only Node and npm has.
import { packagedBrowser } from './browser.js';

console.log(await packagedBrowser());
