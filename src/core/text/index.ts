// text's public face: the small text tools every other subsystem shares. Sanitising what reaches
// the terminal, accent folding for search (a body read as its reader is shown it, by the rules of
// which HTML elements show that the renderer draws by too), HTML entities, an article's lead
// paragraph, which URLs may be opened, OSC 8 hyperlinks, a column of strings kept as UTF-8 bytes, the chunked byte store
// under it, the hash of its values that a set of strings' hashes can be probed with, counts and labels written without ICU, and how plausible a text is as writing (to choose an encoding's reading). Terminal width is width/'s.
export { sanitizeLine, sanitizeText, visibleName } from './sanitize.js';
export { SanitizedPieces } from './sanitize-pieces.js';
export { foldBody, foldBodyAscii, foldedBytes, foldJoined, foldOffsets, foldText, gapKind, type FoldOffsets } from './fold.js';
export { BLOCK, EMBED_LABEL, HIDDEN, imageWords, LINE } from './shown/html-elements.js';
export { unclosedHiddenElements } from './shown/hidden-elements.js';
export { bodyHasPhrase } from './phrase-bytes.js';
export { decodeEntities } from './entities.js';
export { leadParagraph } from './lead.js';
export { checkOpenable, isRefusedLink, type UrlCheck } from './url-policy.js';
export { hyperlinkTarget, osc8 } from './hyperlink.js';
export { canonicalSentiment, compactText, type Sentiment } from './fields.js';
export { TextColumn } from './text-column.js';
export { hashOf, hashState, hashText, NO_HASH, textState } from './byte-hash.js';
export { ByteChunks, CHUNK, offsetOf } from './byte-chunks.js';
export { FoldedTexts } from './folded-texts.js';
export { RowHashes } from './row-hashes.js';
export { compareLabels, countText } from './count-text.js';
export { lettersNoLanguageHas, plausibility } from './plausible-text.js';
