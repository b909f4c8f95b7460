// The one fake AWS account and region every local stand-in names in its ARNs, so an ARN one
// stand-in returns is the ARN another (or a rehearsed IAM policy) expects.
export const ACCOUNT = "000000000000";
export const REGION = "us-east-1";
