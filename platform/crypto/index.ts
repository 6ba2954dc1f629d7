export { developmentKey, SecretBox, secretKeyFromEnv } from "./secret-box.js";
