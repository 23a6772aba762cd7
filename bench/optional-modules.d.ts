// bench/train-webgpu.ts loads these when they are installed beside the pipeline; neither is a
// dependency, so the compiler is told of them here, untyped.
declare module 'webgpu';
declare module '@tensorflow/tfjs-backend-webgpu';
