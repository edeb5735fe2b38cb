import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../../shared/app-error';
import { buildBlankBpmn, buildBpmnFromSteps, parseBpmn } from './bpmn';

const DEFAULT_NS_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- drawn elsewhere -->
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d1" targetNamespace="x">
  <process id="p1">
    <startEvent id="s1" name="开始"/>
    <userTask id="t1" name="审核 &amp; 签字"><documentation><![CDATA[<纸质>]]></documentation></userTask>
    <exclusiveGateway id="g1" name="通过？"/>
    <endEvent id="e1"/>
    <sequenceFlow id="f1" sourceRef="s1" targetRef="t1"/>
  </process>
  <bpmndi:BPMNDiagram id="dg"><bpmndi:BPMNPlane id="pl" bpmnElement="p1">
    <bpmndi:BPMNShape id="t1_di" bpmnElement="t1"><dc:Bounds x="1" y="1" width="100" height="80"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>`;

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('BPMN build and parse', () => {
  it('round-trips a step list: build → parse gives the same steps', () => {
    const steps = [{ name: '填写采购申请' }, { name: '部门经理审批', type: 'userTask' as const }, { name: '财务付款 <加急>' }];
    const xml = buildBpmnFromSteps('采购申请到付款', steps);
    const parsed = parseBpmn(xml);
    expect(parsed.steps.filter((s) => s.type !== 'startEvent' && s.type !== 'endEvent')).toEqual([
      { elementId: 'Activity_1', name: '填写采购申请', type: 'task' },
      { elementId: 'Activity_2', name: '部门经理审批', type: 'userTask' },
      { elementId: 'Activity_3', name: '财务付款 <加急>', type: 'task' },
    ]);
    expect(parsed.shapeElementIds).toEqual(['StartEvent_1', 'Activity_1', 'Activity_2', 'Activity_3', 'EndEvent_1']);
    expect(buildBpmnFromSteps('采购申请到付款', steps)).toBe(xml);
  });

  it('draws lanes in a pool when steps name them', () => {
    const xml = buildBpmnFromSteps('物料入库', [
      { name: '到货', lane: '仓管员' },
      { name: '质检', lane: '质检员' },
      { name: '入库', lane: '仓管员' },
    ]);
    expect(xml).toContain('<bpmn:lane id="Lane_1" name="仓管员">');
    expect(xml).toContain('<bpmn:lane id="Lane_2" name="质检员">');
    const parsed = parseBpmn(xml);
    expect(parsed.shapeElementIds).toContain('Participant_1');
    expect(parsed.steps.map((s) => s.name)).toEqual(['开始', '到货', '质检', '入库', '结束']);
  });

  it('parses documents with a default namespace, entities and CDATA', () => {
    const parsed = parseBpmn(DEFAULT_NS_XML);
    expect(parsed.processIds).toEqual(['p1']);
    expect(parsed.steps).toEqual([
      { elementId: 's1', name: '开始', type: 'startEvent' },
      { elementId: 't1', name: '审核 & 签字', type: 'userTask' },
      { elementId: 'g1', name: '通过？', type: 'exclusiveGateway' },
      { elementId: 'e1', name: '', type: 'endEvent' },
    ]);
  });

  it('accepts a blank diagram', () => {
    expect(parseBpmn(buildBlankBpmn('新流程')).steps).toEqual([{ elementId: 'StartEvent_1', name: '开始', type: 'startEvent' }]);
  });

  it('names the problem of invalid documents', () => {
    const zh = (fn: () => unknown, code: ErrorCode): string => {
      const error = errorOf(fn);
      expect(error.code).toBe(code);
      expect(error.details.map((d) => d.field)).toEqual(['bpmnXml']);
      return error.localizedMessage('zh-CN');
    };
    expect(zh(() => parseBpmn(' '), 'ASSESSMENT_BPMN_EMPTY')).toBe('BPMN 文件内容为空');
    const mismatch = errorOf(() => parseBpmn('<a><b></a>'));
    expect(mismatch).toMatchObject({ code: 'DOCUMENTS_XML_TAG_MISMATCH', details: [{ field: 'bpmnXml' }] });
    expect(mismatch.localizedMessage('zh-CN')).toBe('XML（bpmnXml）第 1 行第 7 列：结束标签 </a> 与开始标签 <b> 不匹配');
    expect(zh(() => parseBpmn('<root/>'), 'DOCUMENTS_BPMN_NOT_DEFINITIONS')).toBe('该文件不是 BPMN 流程文件：根元素为“root”');
    expect(zh(() => parseBpmn('<bpmn:definitions xmlns:bpmn="urn:x"/>'), 'ASSESSMENT_BPMN_NOT_BPMN_2')).toBe(
      '该文件不是 BPMN 2.0 流程文件：根元素“bpmn:definitions”不在 BPMN 2.0 的命名空间中',
    );
    expect(errorOf(() => parseBpmn('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).message).toContain('DOCTYPE');
    expect(zh(() => parseBpmn(DEFAULT_NS_XML.replace(/<process[\s\S]*<\/process>/, '')), 'ASSESSMENT_BPMN_NO_PROCESS')).toBe(
      '该 BPMN 文件中没有任何流程',
    );
    zh(() => parseBpmn(DEFAULT_NS_XML.replace(/<bpmndi:BPMNShape[\s\S]*<\/bpmndi:BPMNShape>/, '')), 'DOCUMENTS_BPMN_NO_SHAPES');
    zh(() => parseBpmn(DEFAULT_NS_XML.replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '')), 'DOCUMENTS_BPMN_NO_DIAGRAM');
    zh(() => parseBpmn(DEFAULT_NS_XML.replace(/<bpmndi:BPMNPlane[\s\S]*<\/bpmndi:BPMNPlane>/, '')), 'DOCUMENTS_BPMN_NO_DIAGRAM');
    expect(zh(() => parseBpmn(DEFAULT_NS_XML.replace('id="g1"', 'id="t1"')), 'ASSESSMENT_BPMN_DUPLICATE_ID')).toBe(
      'BPMN 文件中的 ID“t1”重复（第 8 行）',
    );
    expect(zh(() => parseBpmn(DEFAULT_NS_XML.replace(' id="g1"', '')), 'ASSESSMENT_BPMN_ELEMENT_NO_ID')).toBe(
      'BPMN 文件第 8 行的“exclusiveGateway”缺少 ID',
    );
    expect(errorOf(() => parseBpmn(DEFAULT_NS_XML.replace('&amp;', '&nbsp;'))).details[0]!.field).toBe('bpmnXml');
  });

  it('refuses a step list without steps or with an unnamed step', () => {
    const empty = errorOf(() => buildBpmnFromSteps('x', []));
    expect([empty.code, empty.localizedMessage('zh-CN'), empty.details]).toEqual([
      'ASSESSMENT_STEPS_EMPTY',
      '请至少填写一个流程步骤',
      [{ field: 'steps' }],
    ]);
    const unnamed = errorOf(() => buildBpmnFromSteps('x', [{ name: '到货' }, { name: ' ' }]));
    expect([unnamed.code, unnamed.localizedMessage('zh-CN'), unnamed.details]).toEqual([
      'ASSESSMENT_STEP_NAME_EMPTY',
      '第 2 个步骤没有名称',
      [{ field: 'steps.1.name' }],
    ]);
  });
});
