// Project files: presigned POST straight to S3, a `complete` step that checks size and magic
// bytes before the file is listed, short-lived presigned downloads, delete.
export * as File from "./file";
