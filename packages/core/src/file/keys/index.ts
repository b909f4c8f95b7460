// Where a file's bytes live in the uploads bucket. Pure: infra/ reads STAGING_PREFIX for the
// lifecycle rule that sweeps what is left under it.

interface FileIds {
  workspaceId: string;
  projectId: string;
  fileId: string;
}

/**
 * Browser form posts land here, one key per upload ticket. Only `complete` reads a staged object,
 * copying it to the file's own key, so posting an old form again never reaches a kept file.
 * Ids are lower-case ULIDs: no workspace's files can start with this prefix.
 */
export const STAGING_PREFIX = "staging/";

/** What is left under STAGING_PREFIX (abandoned uploads, forms posted again) is deleted after this. */
export const STAGING_DAYS = 1;

/** A checked file's object: `workspaceId/projectId/fileId`, never the person's file name. */
export const permanentKey = ({ workspaceId, projectId, fileId }: FileIds) =>
  `${workspaceId}/${projectId}/${fileId}`;

/** Where the upload form of the file posts to. */
export const stagingKey = (ids: FileIds) => `${STAGING_PREFIX}${permanentKey(ids)}`;
