import { router } from '../../trpc/init.js';
import { leads } from '../../trpc/procedures.js';
import { conversationsCsvHandler } from './conversationsCsv.handler.js';
import { conversationsCsvInput, conversationsCsvOutput } from './conversationsCsv.schema.js';
import { roiHandler } from './roi.handler.js';
import { roiInput, roiOutput } from './roi.schema.js';
import { seriesCsvHandler } from './seriesCsv.handler.js';
import { seriesCsvInput, seriesCsvOutput } from './seriesCsv.schema.js';

/** Analytics exports as files (leads and admins): series CSV, conversation records CSV (PII redacted), ROI summary CSV or PDF. */
export const exportsRouter = router({
  seriesCsv: leads.input(seriesCsvInput).output(seriesCsvOutput).query(seriesCsvHandler),
  conversationsCsv: leads.input(conversationsCsvInput).output(conversationsCsvOutput).query(conversationsCsvHandler),
  roi: leads.input(roiInput).output(roiOutput).query(roiHandler),
});
