export type { ActivationRanges, CalibrationOptions } from './calibrate-activations.js';
export { calibrateActivations } from './calibrate-activations.js';
export type { ChannelStats, ChannelValue } from './channel-statistics.js';
export { channelStatistics } from './channel-statistics.js';
export type { ClassificationMetrics } from './classification-metrics.js';
export { classificationMetrics } from './classification-metrics.js';
export { compressionProblem, UNCOMPRESSED } from './compression-problem.js';
export type {
  CompressionConfig,
  CompressionData,
  CompressionEvalResult,
  CompressionMeasurement,
  CompressionMeasurementCore,
  CompressionProblem,
  CompressionProblemOptions,
  CompressionSearch,
} from './compression-types.js';
export type { CountFlopsOptions, FlopsReport, LayerFlops } from './count-flops.js';
export { countFlops } from './count-flops.js';
export type { DownloadMedMNISTOptions } from './download-medmnist.js';
export { downloadMedMNIST } from './download-medmnist.js';
export type { MedMNISTArrays } from './encode-medmnist.js';
export { encodeMedMNIST } from './encode-medmnist.js';
export type { DatasetFormatErrorDetails } from './errors/dataset-format-error.js';
export { DatasetFormatError } from './errors/dataset-format-error.js';
export type { OnnxFormatErrorDetails } from './errors/onnx-format-error.js';
export { OnnxFormatError } from './errors/onnx-format-error.js';
export type { UnsupportedModelErrorDetails } from './errors/unsupported-model-error.js';
export { UnsupportedModelError } from './errors/unsupported-model-error.js';
export type { EvaluateModelOptions, ModelEvaluation } from './evaluate-model.js';
export { evaluateModel } from './evaluate-model.js';
export type {
  ChannelAnalysis,
  ChannelConsumer,
  ChannelSet,
  ChannelSkipReason,
  ChannelwiseConv,
  DenseLayout,
  FindChannelSetsOptions,
  FlattenReshape,
  SkippedChannels,
} from './find-channel-sets.js';
export { findChannelSets } from './find-channel-sets.js';
export type { PrunableLayer } from './find-layers.js';
export { findLayers } from './find-layers.js';
export type { GraphSidecar } from './graph-sidecar.js';
export { graphSidecar, sidecarFromGraph } from './graph-sidecar.js';
export type { ModelInspection } from './inspect-model.js';
export { inspectModel } from './inspect-model.js';
export type { LoadDatasetOptions, LoadedDataset } from './load-dataset.js';
export { encodeDataset, loadDataset } from './load-dataset.js';
export type {
  ImageFolderDataset,
  ImageFolderFiles,
  LoadImageFolderOptions,
  SkippedImage,
} from './load-image-folder.js';
export { loadImageFolder } from './load-image-folder.js';
export type { LoadMedMNISTOptions, MedMNISTDataset, MedMNISTSplit } from './load-medmnist.js';
export { loadMedMNIST } from './load-medmnist.js';
export { loadOnnx } from './load-onnx.js';
export type { LatencyMeasurement, MeasureLatencyOptions } from './measure-latency.js';
export { measureLatency } from './measure-latency.js';
export type { MedMNISTFile, MedMNISTName } from './medmnist-files.js';
export { MEDMNIST_FILES } from './medmnist-files.js';
export type { ModelSidecar, Preprocessing } from './model-sidecar.js';
export { parsePreprocess, readSidecar, sidecarPathOf } from './model-sidecar.js';
export type { ModelSize } from './model-size.js';
export { modelSize } from './model-size.js';
export type {
  AttributeProto,
  GraphProto,
  Int64,
  ModelProto,
  NodeProto,
  OnnxModel,
  OperatorSetIdProto,
  TensorProto,
  TypeProto,
  ValueInfoProto,
} from './onnx-types.js';
export { DataType } from './onnx-types.js';
export { optimizedOpCounts } from './optimized-op-counts.js';
export type { ModelInputs, PrepareInputsOptions } from './prepare-inputs.js';
export { prepareInputs } from './prepare-inputs.js';
export { PREPROCESS_PRESETS, preprocessText } from './preprocess-presets.js';
export { pruneByMagnitude } from './prune-by-magnitude.js';
export type {
  ChannelCriterion,
  ChannelCut,
  ChannelRepair,
  PruneChannelsOptions,
  PruneChannelsResult,
} from './prune-channels.js';
export { keptChannels, pruneChannels } from './prune-channels.js';
export type {
  LayerSelection,
  PrunedLayer,
  PruneModelOptions,
  PruneResult,
  PruneTarget,
  PruningConfig,
} from './prune-model.js';
export { pruneModel } from './prune-model.js';
export type { QuantizeModelOptions, QuantizeResult } from './quantize-model.js';
export { quantizeModel } from './quantize-model.js';
export { quantizePerChannel } from './quantize-per-channel.js';
export type { LayerDensity } from './relative-flops.js';
export { relativeFlops } from './relative-flops.js';
export type { SaveOnnxOptions } from './save-onnx.js';
export { saveOnnx, saveOnnxSync } from './save-onnx.js';
export { structuredCompressionProblem } from './structured-compression-problem.js';
export type {
  StageChannels,
  StructuredCompressionProblem,
  StructuredConfig,
  StructuredMeasurement,
  StructuredProblemOptions,
} from './structured-compression-types.js';
export type { TinyCnnOptions } from './tiny-cnn.js';
export { tinyCnn } from './tiny-cnn.js';
export type { WriteImageFolderOptions } from './write-image-folder.js';
export { writeImageFolder } from './write-image-folder.js';
