import { defineErrorCodes } from './define-error-codes';

/** Error codes of the documents domain (see docs/ARCHITECTURE.md, "Errors"). Prefix new codes with DOCUMENTS_. */
export const DOCUMENTS_ERROR_CODES = defineErrorCodes({
  DOCUMENTS_BPMN_NOT_DEFINITIONS: {
    status: 400,
    message: {
      'zh-CN': '该文件不是 BPMN 流程文件：根元素为“{root}”',
      en: 'The file is not a BPMN process file: its root element is "{root}", not a BPMN <definitions>',
    },
  },
  DOCUMENTS_BPMN_NO_DIAGRAM: {
    status: 400,
    message: {
      'zh-CN': '该 BPMN 文件没有图形信息（各节点的位置），无法画出流程图',
      en: 'The BPMN file has no diagram interchange (shape positions), so there is nothing to draw',
    },
  },
  DOCUMENTS_BPMN_NO_SHAPES: {
    status: 400,
    message: {
      'zh-CN': '该 BPMN 流程图中没有可画出的节点',
      en: 'The BPMN diagram has no shapes to draw',
    },
  },
  DOCUMENTS_BPMN_SHAPE_NO_BOUNDS: {
    status: 400,
    message: {
      'zh-CN': 'BPMN 流程图中“{element}”的图形缺少位置和大小',
      en: 'The shape of "{element}" in the BPMN diagram has no bounds (position and size)',
    },
  },
  DOCUMENTS_BPMN_COORDINATE_NOT_NUMBER: {
    status: 400,
    message: {
      'zh-CN': 'BPMN 流程图中“{element}”的坐标“{attribute}”不是数字：“{value}”',
      en: 'The coordinate "{attribute}" of "{element}" in the BPMN diagram is not a number: "{value}"',
    },
  },
});
