/** The data embedded by the build (an esbuild virtual module; see build/write-entry-points.ts). */
declare module 'virtual:encrochat-ledger-data' {
  import type { EmbeddedData } from './dataset.js';
  const data: EmbeddedData;
  export default data;
}
