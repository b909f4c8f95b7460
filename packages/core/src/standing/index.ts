// Where each of a person's projects stands: the projects page in one request.
export * as Standing from "./standing";
