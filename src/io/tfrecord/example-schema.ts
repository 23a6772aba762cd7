// tf.train.Example's message types, declared in code for protobufjs (no .proto file at run time).
// Used to decode records and to check the hand-written encoder against a real protobuf library.
import protobuf from 'protobufjs';

// Map fields (`keyType`) are missing from protobufjs's IField typing, hence the cast.
const root = protobuf.Root.fromJSON({
  nested: {
    tensorflow: {
      nested: {
        BytesList: { fields: { value: { rule: 'repeated', type: 'bytes', id: 1 } } },
        FloatList: { fields: { value: { rule: 'repeated', type: 'float', id: 1, options: { packed: true } } } },
        Int64List: { fields: { value: { rule: 'repeated', type: 'int64', id: 1, options: { packed: true } } } },
        Feature: {
          oneofs: { kind: { oneof: ['bytesList', 'floatList', 'int64List'] } },
          fields: { bytesList: { type: 'BytesList', id: 1 }, floatList: { type: 'FloatList', id: 2 }, int64List: { type: 'Int64List', id: 3 } },
        },
        Features: { fields: { feature: { keyType: 'string', type: 'Feature', id: 1 } } },
        Example: { fields: { features: { type: 'Features', id: 1 } } },
      },
    },
  },
} as protobuf.INamespace);

export const ExampleType = root.lookupType('tensorflow.Example');

export interface DecodedFeature {
  bytesList?: { value?: Uint8Array[] };
  floatList?: { value?: number[] };
  int64List?: { value?: (number | { toString(): string })[] };
}

export function decodeExample(bytes: Uint8Array): Record<string, DecodedFeature> {
  const message = ExampleType.decode(bytes) as unknown as { features?: { feature?: Record<string, DecodedFeature> } };
  return message.features?.feature ?? {};
}
