import { defineErrorCodes, type ErrorCodeDefinition } from './define-error-codes';

/**
 * A malformed-XML code: every one names the document (`{field}`, the request field or the file part) and the
 * line and column of the first problem, so the templates share their frame.
 */
function xmlProblem(zh: string, en: string): ErrorCodeDefinition {
  return {
    status: 400,
    message: { 'zh-CN': `XML（{field}）第 {line} 行第 {column} 列：${zh}`, en: `{field}: ${en} (line {line}, column {column})` },
  };
}

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
  DOCUMENTS_XML_ENTITY_INCOMPLETE: xmlProblem(
    '“&{entity}”不是完整的实体引用（缺少“;”）',
    '"&{entity}" is not a complete entity (missing ";")',
  ),
  DOCUMENTS_XML_ENTITY_UNKNOWN: xmlProblem('无法识别的实体引用“&{entity};”', 'unknown entity "&{entity};"'),
  DOCUMENTS_XML_TEXT_OUTSIDE_ROOT: xmlProblem('根元素之外不能有文字', 'text outside the root element'),
  DOCUMENTS_XML_UNCLOSED_MARKUP: xmlProblem('“{start}”没有对应的结束标记“{end}”', 'unclosed "{start}" (no "{end}")'),
  DOCUMENTS_XML_DECLARATION_FORBIDDEN: xmlProblem(
    '不允许使用文档类型声明和实体声明（以“<!”开头的声明）',
    'DOCTYPE and entity declarations are not allowed',
  ),
  DOCUMENTS_XML_BROKEN_CLOSING_TAG: xmlProblem('结束标签 {tag} 写法有误', 'broken closing tag {tag}'),
  DOCUMENTS_XML_CLOSING_WITHOUT_OPENING: xmlProblem('结束标签 {tag} 前面没有对应的开始标签', 'closing tag {tag} without an opening tag'),
  DOCUMENTS_XML_TAG_MISMATCH: xmlProblem('结束标签 {tag} 与开始标签 {open} 不匹配', 'closing tag {tag} does not match {open}'),
  DOCUMENTS_XML_STRAY_LT: xmlProblem(
    '“<”后面不是标签（正文中的“<”请写成 {escape}）',
    '"<" that does not start a tag (write {escape} in text)',
  ),
  DOCUMENTS_XML_UNCLOSED_TAG: xmlProblem('标签 {tag} 没有结束', 'unclosed tag {tag}'),
  DOCUMENTS_XML_UNEXPECTED_CHARACTER: xmlProblem('标签 {tag} 中出现了意外的字符“{character}”', 'unexpected "{character}" in tag {tag}'),
  DOCUMENTS_XML_ATTRIBUTE_NO_VALUE: xmlProblem('标签 {tag} 的属性“{attribute}”没有值', 'attribute "{attribute}" of {tag} has no value'),
  DOCUMENTS_XML_ATTRIBUTE_NOT_QUOTED: xmlProblem(
    '标签 {tag} 的属性“{attribute}”的值没有用引号括起来',
    'attribute "{attribute}" of {tag} is not quoted',
  ),
  DOCUMENTS_XML_ATTRIBUTE_UNCLOSED: xmlProblem('属性“{attribute}”的值缺少右引号', 'unclosed value of attribute "{attribute}"'),
  DOCUMENTS_XML_ATTRIBUTE_LT: xmlProblem(
    '属性“{attribute}”的值中不能有“<”（请写成 {escape}）',
    '"<" in the value of attribute "{attribute}" (write {escape})',
  ),
  DOCUMENTS_XML_SECOND_ROOT: xmlProblem('出现了第二个根元素 {tag}（只能有一个根元素）', 'a second root element {tag}'),
  DOCUMENTS_XML_NO_ELEMENT: xmlProblem('没有找到任何 XML 元素', 'no XML element found'),
});
