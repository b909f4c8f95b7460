// The template's DynamoDB tables (AWS::DynamoDB::GlobalTable and ::Table) created on DynamoDB
// Local as the template defines them: keys, attribute types, indexes and TTL. Not from
// core/tables: a table the template gets wrong must fail here as it would in AWS.
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { Resolve } from "./resolve";
import { resourcesOf, type Template } from "./template";

export async function createTables(template: Template, resolve: Resolve, client: DynamoDBClient) {
  const tables = [
    ...resourcesOf(template, "AWS::DynamoDB::GlobalTable"),
    ...resourcesOf(template, "AWS::DynamoDB::Table"),
  ];
  for (const [id] of tables) {
    const p = resolve(template.Resources[id]?.Properties ?? {}) as Record<string, any>;
    const TableName = String(resolve({ Ref: id }));
    const projection = (index: Record<string, any>) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: index.Projection ?? { ProjectionType: "ALL" },
    });
    const input: CreateTableCommandInput = {
      TableName,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: p.AttributeDefinitions,
      KeySchema: p.KeySchema,
      ...(p.GlobalSecondaryIndexes?.length && {
        GlobalSecondaryIndexes: p.GlobalSecondaryIndexes.map(projection),
      }),
      ...(p.LocalSecondaryIndexes?.length && {
        LocalSecondaryIndexes: p.LocalSecondaryIndexes.map(projection),
      }),
    };
    await client.send(new CreateTableCommand(input));
    const ttl = p.TimeToLiveSpecification;
    if (ttl?.Enabled)
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName,
          TimeToLiveSpecification: { AttributeName: ttl.AttributeName, Enabled: true },
        }),
      );
  }
}
