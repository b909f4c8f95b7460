// The two DynamoDB tables, built from the one definition in packages/core/src/tables:
// Data (durable: point-in-time recovery, deletion protection and RETAIN in prod) and
// Realtime (ephemeral: TTL on expiresAt).
import { DataTable, RealtimeTable, type TableDefinition } from "@rehome/core/tables";
import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import { Construct } from "constructs";

export class Data extends Construct {
  readonly data: dynamodb.TableV2;
  readonly realtime: dynamodb.TableV2;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    const prod = props.stage === "prod";
    this.data = table(this, DataTable, prod);
    this.realtime = table(this, RealtimeTable, prod);
  }
}

function table(scope: Construct, definition: TableDefinition, prod: boolean) {
  const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
  return new dynamodb.TableV2(scope, definition.id, {
    partitionKey: key(definition.partitionKey),
    sortKey: key(definition.sortKey),
    billing: dynamodb.Billing.onDemand(),
    timeToLiveAttribute: definition.ttlAttribute,
    pointInTimeRecoverySpecification: definition.durable ? { pointInTimeRecoveryEnabled: true } : undefined,
    deletionProtection: definition.durable && prod,
    removalPolicy: definition.durable && prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    globalSecondaryIndexes: definition.indexes.map((index) => ({
      indexName: index.name,
      partitionKey: key(index.partitionKey),
      sortKey: key(index.sortKey),
    })),
  });
}
