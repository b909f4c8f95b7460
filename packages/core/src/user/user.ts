// The User namespace: what callers outside this folder may use.
export { show, UpdateInput, update } from "./admin";
export { me, UpdateMeInput, updateMe } from "./me";
export {
  CreateInput,
  create,
  directory,
  Email,
  findByEmail,
  get,
  Info,
  ListInput,
  list,
  Me,
  public_,
  Role,
  type Stored,
  toInfo,
  toMe,
} from "./people";
