// A function that fails, bundled as deployed for `rehome stack`: the stack it prints must read
// back as the line of the throw below.
export function handler(): never {
  throw new Error("The porch rail is loose");
}
