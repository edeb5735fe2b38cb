import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error';
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
    expect(errorOf(() => parseBpmn('')).message).toContain('is empty');
    expect(errorOf(() => parseBpmn('<a><b></a>')).message).toMatch(/closing tag <\/a> does not match <b> \(line 1, column \d+\)/);
    const mismatch = errorOf(() => parseBpmn('<a><b></a>'));
    expect(mismatch).toMatchObject({ code: 'DOCUMENTS_XML_TAG_MISMATCH', details: [{ field: 'bpmnXml' }] });
    expect(mismatch.localizedMessage('zh-CN')).toBe('XML（bpmnXml）第 1 行第 7 列：结束标签 </a> 与开始标签 <b> 不匹配');
    expect(errorOf(() => parseBpmn('<root/>')).message).toContain('expected BPMN 2.0 <definitions>');
    expect(errorOf(() => parseBpmn('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).message).toContain('DOCTYPE');
    expect(errorOf(() => parseBpmn(DEFAULT_NS_XML.replace(/<process[\s\S]*<\/process>/, ''))).message).toContain('no <process>');
    expect(errorOf(() => parseBpmn(DEFAULT_NS_XML.replace(/<bpmndi:BPMNShape[\s\S]*<\/bpmndi:BPMNShape>/, ''))).message).toContain(
      'no shapes',
    );
    expect(errorOf(() => parseBpmn(DEFAULT_NS_XML.replace('id="g1"', 'id="t1"'))).message).toContain('duplicate element id "t1"');
    expect(errorOf(() => parseBpmn(DEFAULT_NS_XML.replace('&amp;', '&nbsp;'))).details[0]!.field).toBe('bpmnXml');
  });
});
