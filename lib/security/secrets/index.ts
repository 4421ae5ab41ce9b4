export { openSecret, type SealedSecret, SecretDecryptionError, sealSecret } from "./cipher";
export {
  fileSecretKey,
  InvalidSecretKeyError,
  KEY_FILE_NAME,
  parseSecretKey,
  resolveSecretKey,
  secretKeyFile,
  type SecretKey,
  type SecretKeySource,
} from "./key";
