// Project files: an expiring upload ticket with a presigned POST to a staging key, a `complete`
// step that moves the bytes to the file's own key and checks size and magic bytes before the
// file is listed, short-lived presigned downloads, delete.
export * as File from "./file";
