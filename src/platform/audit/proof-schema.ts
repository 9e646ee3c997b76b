import { Type } from 'typebox';

const Hex = Type.String({ pattern: '^[0-9a-f]*$' });

/** The JSON shape of a RecordProof (proof.ts), for the OpenAPI document. */
export const RecordProofSchema = Type.Object({
  checkpoint: Type.Object({
    tenantId: Type.Integer(),
    no: Type.Integer(),
    createdAtUs: Type.String(),
    txId: Type.String(),
    seq: Type.Integer(),
    eventCount: Type.Integer(),
    leafCount: Type.Integer(),
    root: Hex,
    prevHash: Type.Union([Hex, Type.Null()]),
    keyId: Type.String(),
    hash: Hex,
    signature: Hex,
  }),
  streamType: Type.String(),
  streamId: Type.String(),
  leafIndex: Type.Integer(),
  path: Type.Array(Hex),
  events: Type.Array(
    Type.Object({
      version: Type.Integer(),
      name: Type.String(),
      occurredAtUs: Type.String(),
      bodyDigest: Hex,
    }),
  ),
});
