import { defineErrorCodes } from './define-error-codes';

/** Error codes of the assessment domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with ASSESSMENT_. */
export const ASSESSMENT_ERROR_CODES = defineErrorCodes({
  REPORT_SECTIONS_MISSING: {
    status: 409,
    message: {
      'zh-CN': '现状分析报告缺少以下内容：{sections}。请先补充调研，或确认后仍生成该版本（force: true）',
      en: 'The current-state report lacks: {sections}. Complete the assessment first, or confirm to create the version anyway (force: true)',
    },
  },
  ASSESSMENT_PROCESS_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '部门“{department}”已有名为“{name}”的流程图，请换一个名称',
      en: 'Department "{department}" already has a process named "{name}"; choose another name',
    },
  },
  ASSESSMENT_PROCESS_XML_AND_STEPS: {
    status: 400,
    message: {
      'zh-CN': '请上传 BPMN 文件或填写步骤清单，二者只能选其一',
      en: 'Give either a BPMN file or a list of steps, not both',
    },
  },
  ASSESSMENT_BOTTLENECK_STEP_UNKNOWN: {
    status: 400,
    message: {
      'zh-CN': '流程图“{process}”中没有步骤“{step}”',
      en: 'The process "{process}" has no step "{step}"',
    },
  },
  ASSESSMENT_BOTTLENECK_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '步骤“{step}”已标记为瓶颈',
      en: 'The step "{step}" is already marked as a bottleneck',
    },
  },
  ASSESSMENT_ROLE_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '部门“{department}”已有名为“{name}”的用户角色，请换一个名称',
      en: 'Department "{department}" already has a user role named "{name}"; choose another name',
    },
  },
  ASSESSMENT_SITE_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '已有名为“{name}”的站点，请换一个名称',
      en: 'A site named "{name}" already exists; choose another name',
    },
  },
  ASSESSMENT_ENV_METRIC_TWICE: {
    status: 400,
    message: {
      'zh-CN': '环境要求中的指标“{metric}”出现了两次，每个指标只能设置一次',
      en: 'The metric "{metric}" appears twice in the environment requirements; set each metric once',
    },
  },
  ASSESSMENT_ENV_THRESHOLD_REQUIRED: {
    status: 400,
    message: {
      'zh-CN': '环境要求“{metric}”设置了最小值或最大值比较，请填写阈值',
      en: 'The environment requirement "{metric}" compares against a minimum or maximum; give a threshold',
    },
  },
  ASSESSMENT_ENV_ALLOWED_REQUIRED: {
    status: 400,
    message: {
      'zh-CN': '环境要求“{metric}”需要至少一个允许的取值',
      en: 'The environment requirement "{metric}" needs at least one allowed value',
    },
  },
  ASSESSMENT_BPMN_EMPTY: {
    status: 400,
    message: {
      'zh-CN': 'BPMN 文件内容为空',
      en: 'The BPMN file is empty',
    },
  },
  ASSESSMENT_BPMN_NOT_BPMN_2: {
    status: 400,
    message: {
      'zh-CN': '该文件不是 BPMN 2.0 流程文件：根元素“{root}”不在 BPMN 2.0 的命名空间中',
      en: 'The file is not a BPMN 2.0 process file: its root element "{root}" is not in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL',
    },
  },
  ASSESSMENT_BPMN_NO_PROCESS: {
    status: 400,
    message: {
      'zh-CN': '该 BPMN 文件中没有任何流程',
      en: 'The BPMN file contains no process',
    },
  },
  ASSESSMENT_BPMN_ELEMENT_NO_ID: {
    status: 400,
    message: {
      'zh-CN': 'BPMN 文件第 {line} 行的“{element}”缺少 ID',
      en: '"{element}" on line {line} of the BPMN file has no id',
    },
  },
  ASSESSMENT_BPMN_DUPLICATE_ID: {
    status: 400,
    message: {
      'zh-CN': 'BPMN 文件中的 ID“{id}”重复（第 {line} 行）',
      en: 'The id "{id}" appears twice in the BPMN file (line {line})',
    },
  },
  ASSESSMENT_STEPS_EMPTY: {
    status: 400,
    message: {
      'zh-CN': '请至少填写一个流程步骤',
      en: 'Give at least one process step',
    },
  },
  ASSESSMENT_STEP_NAME_EMPTY: {
    status: 400,
    message: {
      'zh-CN': '第 {number} 个步骤没有名称',
      en: 'Step {number} has no name',
    },
  },
});
