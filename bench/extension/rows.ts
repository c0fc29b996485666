/**
 * What the extension area's rows share: their area and command, and how durations and rates are
 * written (seconds once a figure passes one, thousands separated).
 */
import { ms } from '../report.js';

export const AREA = 'extension cache';
export const COMMAND = '`npm run bench -- extension`';

export const duration = (milliseconds: number) => (milliseconds < 1000 ? ms(milliseconds) : `${(milliseconds / 1000).toFixed(1)} s`);

export const rate = (count: number, milliseconds: number, unit: string) =>
  `${Math.round(count / (milliseconds / 1000)).toLocaleString('en-US')} ${unit}/s`;
