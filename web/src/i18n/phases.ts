/** Strings of the movement's phase timeline (Vietnamese first; English is typed alike). */
export const viPhases = {
  phasesHeading: 'Tiến trình phong trào',
  phaseNow: 'Giai đoạn hiện tại',
  phaseTimeline: 'Các bước đã qua',
  phaseNoHistory: 'Chưa chuyển giai đoạn lần nào.',
  phaseBy: (name: string, when: string) => `${name || 'Không rõ'} · ${when}`,
  phaseReason: 'Lý do',
  phaseOverridden: 'Vẫn tiếp tục dù',
  phaseBlockersHeading: 'Cần hoàn thành trước bước tiếp theo',
  phaseNoBlockers: 'Không còn vướng mắc: có thể chuyển sang bước tiếp theo.',
  phaseOverridable: '(có thể tiếp tục nếu ghi lý do)',
  phaseReasonLabel: 'Lý do (bắt buộc khi vẫn tiếp tục dù còn vướng mắc)',
  phaseDone: (phase: string) => `Phong trào đã chuyển sang giai đoạn “${phase}”.`,
  phaseClosed: 'Phong trào đã kết thúc.',
  phaseLoading: 'Đang kiểm tra điều kiện…',
};

export const enPhases: typeof viPhases = {
  phasesHeading: 'Progress of the movement',
  phaseNow: 'Current phase',
  phaseTimeline: 'Steps taken',
  phaseNoHistory: 'No phase change yet.',
  phaseBy: (name: string, when: string) => `${name || 'Unknown'} · ${when}`,
  phaseReason: 'Reason',
  phaseOverridden: 'Went ahead although',
  phaseBlockersHeading: 'To do before the next step',
  phaseNoBlockers: 'Nothing blocks the next step.',
  phaseOverridable: '(may go ahead with a reason)',
  phaseReasonLabel: 'Reason (required to go ahead despite what is missing)',
  phaseDone: (phase: string) => `The movement is now "${phase}".`,
  phaseClosed: 'The movement is closed.',
  phaseLoading: 'Checking the conditions…',
};
