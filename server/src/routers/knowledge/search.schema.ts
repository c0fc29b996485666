import { searchQuerySchema, searchResultSchema } from '@tandem/shared';

export const searchInput = searchQuerySchema;
export const searchOutput = searchResultSchema;
