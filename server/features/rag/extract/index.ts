export { detectFormat } from "./detect";
export { EXTRACT_ERROR_CODES, ExtractError, type ExtractErrorCode } from "./errors";
export { extractDocument, extractText } from "./extract";
export type { Extracted, ExtractInput, SourceFormat, TextFormat } from "./types";
