/** Strings of the installed app: the new-version prompt, the offline note, and progress while a person waits. */
export const viApp = {
  appUpdateAvailable: 'Có phiên bản mới',
  appUpdateReload: 'Tải lại',
  appUpdateLabel: 'Có phiên bản mới của ứng dụng. Tải lại để dùng phiên bản mới.',
  offlineStale: 'Đang ngoại tuyến — số liệu có thể chưa cập nhật',
  /** A transfer's progress, e.g. "Đã tải lên 3,2 / 20 MB (16%)". */
  progressUpload: (done: string, total: string, pct: number) => `Đã tải lên ${done} / ${total} (${pct}%)`,
  progressDownload: (done: string, total: string, pct: number) => `Đã tải về ${done} / ${total} (${pct}%)`,
  progressDownloadUnknown: (done: string) => `Đã tải về ${done}`,
  progressUploadLabel: 'Tiến độ tải lên tài liệu kiểm chứng',
  progressDownloadLabel: 'Tiến độ tải tệp về',
};

export const enApp: typeof viApp = {
  appUpdateAvailable: 'A new version is available',
  appUpdateReload: 'Reload',
  appUpdateLabel: 'A new version of the app is available. Reload to use it.',
  offlineStale: 'Offline — figures may be out of date',
  progressUpload: (done, total, pct) => `Uploaded ${done} of ${total} (${pct}%)`,
  progressDownload: (done, total, pct) => `Downloaded ${done} of ${total} (${pct}%)`,
  progressDownloadUnknown: (done) => `Downloaded ${done}`,
  progressUploadLabel: 'Evidence upload progress',
  progressDownloadLabel: 'Download progress',
};
