export {
  describeImage,
  type EncodedImage,
  type ImageDescription,
  makeThumbnail,
  normaliseReference,
  toDataUrl,
} from "./encode";
export { type FittedReference, fitReference, type ReferenceLimits, ReferenceTooLargeError } from "./fit-reference";
export { acceptUpload, type AcceptedUpload, UploadRejectedError } from "./inspect-upload";
export { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, REFERENCE_KEEP_MAX_BYTES, REFERENCE_MAX_SIDE, THUMBNAIL_WIDTH } from "./limits";
