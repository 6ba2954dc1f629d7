// s3rver ships no types: the part of its API the S3 contract test uses.
declare module "s3rver" {
  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Resolves with the address the server listens on. */
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
