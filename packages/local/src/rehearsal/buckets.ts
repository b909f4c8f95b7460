// The template's buckets as the rehearsal serves them: the SPA's (a BucketDeployment's
// destination or a website bucket) are the app's own address; every other bucket is on the local
// S3, with the browser origins its CORS rules allow.
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

export function bucketsOf(template: Template, resolve: Resolve) {
  const site = Object.entries(template.Resources).flatMap(([id, r]) => {
    if (r.Type === "Custom::CDKBucketDeployment")
      return [String(resolve(r.Properties?.DestinationBucketName))];
    if (r.Type === "AWS::S3::Bucket" && r.Properties?.WebsiteConfiguration)
      return [String(resolve({ Ref: id }))];
    return [];
  });
  const buckets = resourcesOf(template, "AWS::S3::Bucket");
  return {
    site,
    /** Buckets the local S3 creates. */
    stored: buckets.map(([id]) => String(resolve({ Ref: id }))).filter((name) => !site.includes(name)),
    /** Every origin some bucket's CORS rules allow, resolved (AWS addresses still). */
    corsOrigins: buckets
      .flatMap(
        ([, r]) =>
          resolve(r.Properties?.CorsConfiguration?.CorsRules ?? []) as { AllowedOrigins?: string[] }[],
      )
      .flatMap((rule) => rule.AllowedOrigins ?? []),
  };
}
