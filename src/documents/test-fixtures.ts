import type { ReportDocument } from './document-model';

/**
 * Sample inputs for document tests (no test runner code here, so other report tests may import it).
 */

/** A purchase approval drawn by hand: one pool with one lane, start → 3 tasks → exclusive gateway → end. */
export const SIMPLE_PURCHASE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Defs_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:collaboration id="Collab_1">
    <bpmn:participant id="Pool_1" name="采购部" processRef="Proc_1" />
  </bpmn:collaboration>
  <bpmn:process id="Proc_1" isExecutable="false">
    <bpmn:laneSet id="LaneSet_1">
      <bpmn:lane id="Lane_1" name="采购员">
        <bpmn:flowNodeRef>Start_1</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start_1" name="提出需求" />
    <bpmn:task id="Task_1" name="填写纸质采购申请单" />
    <bpmn:task id="Task_2" name="部门经理签字审批" />
    <bpmn:task id="Task_3" name="财务核对预算（手工 Excel）" />
    <bpmn:exclusiveGateway id="Gw_1" name="预算足够？" />
    <bpmn:endEvent id="End_1" name="下达采购订单" />
    <bpmn:endEvent id="End_2" name="退回" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start_1" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="Task_2" />
    <bpmn:sequenceFlow id="F3" sourceRef="Task_2" targetRef="Task_3" />
    <bpmn:sequenceFlow id="F4" sourceRef="Task_3" targetRef="Gw_1" />
    <bpmn:sequenceFlow id="F5" name="是" sourceRef="Gw_1" targetRef="End_1" />
    <bpmn:sequenceFlow id="F6" name="否" sourceRef="Gw_1" targetRef="End_2" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_1">
    <bpmndi:BPMNPlane id="Plane_1" bpmnElement="Collab_1">
      <bpmndi:BPMNShape id="Pool_1_di" bpmnElement="Pool_1" isHorizontal="true">
        <dc:Bounds x="100" y="60" width="860" height="260" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_1_di" bpmnElement="Lane_1" isHorizontal="true">
        <dc:Bounds x="130" y="60" width="830" height="260" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Start_1_di" bpmnElement="Start_1"><dc:Bounds x="182" y="162" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_1_di" bpmnElement="Task_1"><dc:Bounds x="270" y="140" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_2_di" bpmnElement="Task_2"><dc:Bounds x="420" y="140" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_3_di" bpmnElement="Task_3"><dc:Bounds x="570" y="140" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gw_1_di" bpmnElement="Gw_1" isMarkerVisible="true"><dc:Bounds x="725" y="155" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_1_di" bpmnElement="End_1"><dc:Bounds x="852" y="162" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="End_2_di" bpmnElement="End_2"><dc:Bounds x="852" y="252" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="218" y="180" /><di:waypoint x="270" y="180" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="370" y="180" /><di:waypoint x="420" y="180" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F3_di" bpmnElement="F3"><di:waypoint x="520" y="180" /><di:waypoint x="570" y="180" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F4_di" bpmnElement="F4"><di:waypoint x="670" y="180" /><di:waypoint x="725" y="180" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F5_di" bpmnElement="F5"><di:waypoint x="775" y="180" /><di:waypoint x="852" y="180" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="F6_di" bpmnElement="F6"><di:waypoint x="750" y="205" /><di:waypoint x="750" y="270" /><di:waypoint x="852" y="270" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

/**
 * An order-to-cash diagram in the exact shape bpmn-js `saveXML({ format: true })` writes: two pools,
 * a message flow, user/service tasks, a timer event, parallel gateways, a collapsed sub-process, a data
 * object with associations, a text annotation and external labels with `bpmndi:BPMNLabel` bounds.
 */
export const BPMN_JS_EXPORT = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_0x1s2ab" targetNamespace="http://bpmn.io/schema/bpmn" exporter="bpmn-js (https://demo.bpmn.io)" exporterVersion="18.1.1">
  <bpmn:collaboration id="Collaboration_1fz3k4d">
    <bpmn:participant id="Participant_Customer" name="客户" />
    <bpmn:participant id="Participant_Sales" name="销售部 Sales" processRef="Process_Sales" />
    <bpmn:messageFlow id="Flow_Msg1" name="订单 PO" sourceRef="Participant_Customer" targetRef="StartEvent_Order" />
    <bpmn:textAnnotation id="TextAnnotation_1">
      <bpmn:text>信用检查靠人工查 Excel &amp; 邮件</bpmn:text>
    </bpmn:textAnnotation>
    <bpmn:association id="Association_1" associationDirection="None" sourceRef="Activity_Credit" targetRef="TextAnnotation_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_Sales" isExecutable="false">
    <bpmn:laneSet id="LaneSet_0m1">
      <bpmn:lane id="Lane_Clerk" name="销售内勤">
        <bpmn:flowNodeRef>StartEvent_Order</bpmn:flowNodeRef>
        <bpmn:flowNodeRef>Activity_Entry</bpmn:flowNodeRef>
      </bpmn:lane>
      <bpmn:lane id="Lane_Finance" name="财务">
        <bpmn:flowNodeRef>Activity_Credit</bpmn:flowNodeRef>
      </bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="StartEvent_Order" name="收到订单">
      <bpmn:outgoing>Flow_1</bpmn:outgoing>
      <bpmn:messageEventDefinition id="MessageEventDefinition_1" />
    </bpmn:startEvent>
    <bpmn:userTask id="Activity_Entry" name="Enter the sales order in the old system">
      <bpmn:incoming>Flow_1</bpmn:incoming>
      <bpmn:outgoing>Flow_2</bpmn:outgoing>
      <bpmn:dataOutputAssociation id="DataOutputAssociation_1">
        <bpmn:targetRef>DataObjectReference_Order</bpmn:targetRef>
      </bpmn:dataOutputAssociation>
    </bpmn:userTask>
    <bpmn:parallelGateway id="Gateway_Split">
      <bpmn:incoming>Flow_2</bpmn:incoming>
      <bpmn:outgoing>Flow_3</bpmn:outgoing>
      <bpmn:outgoing>Flow_4</bpmn:outgoing>
    </bpmn:parallelGateway>
    <bpmn:serviceTask id="Activity_Credit" name="信用额度检查">
      <bpmn:incoming>Flow_3</bpmn:incoming>
      <bpmn:outgoing>Flow_5</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:subProcess id="Activity_Stock" name="库存确认">
      <bpmn:incoming>Flow_4</bpmn:incoming>
      <bpmn:outgoing>Flow_6</bpmn:outgoing>
    </bpmn:subProcess>
    <bpmn:parallelGateway id="Gateway_Join">
      <bpmn:incoming>Flow_5</bpmn:incoming>
      <bpmn:incoming>Flow_6</bpmn:incoming>
      <bpmn:outgoing>Flow_7</bpmn:outgoing>
    </bpmn:parallelGateway>
    <bpmn:intermediateCatchEvent id="Event_Wait" name="等待 2 天">
      <bpmn:incoming>Flow_7</bpmn:incoming>
      <bpmn:outgoing>Flow_8</bpmn:outgoing>
      <bpmn:timerEventDefinition id="TimerEventDefinition_1" />
    </bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="Event_Done" name="订单确认">
      <bpmn:incoming>Flow_8</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:dataObjectReference id="DataObjectReference_Order" name="销售订单" dataObjectRef="DataObject_1" />
    <bpmn:dataObject id="DataObject_1" />
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_Order" targetRef="Activity_Entry" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Activity_Entry" targetRef="Gateway_Split" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Gateway_Split" targetRef="Activity_Credit" />
    <bpmn:sequenceFlow id="Flow_4" sourceRef="Gateway_Split" targetRef="Activity_Stock" />
    <bpmn:sequenceFlow id="Flow_5" sourceRef="Activity_Credit" targetRef="Gateway_Join" />
    <bpmn:sequenceFlow id="Flow_6" sourceRef="Activity_Stock" targetRef="Gateway_Join" />
    <bpmn:sequenceFlow id="Flow_7" sourceRef="Gateway_Join" targetRef="Event_Wait" />
    <bpmn:sequenceFlow id="Flow_8" sourceRef="Event_Wait" targetRef="Event_Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1fz3k4d">
      <bpmndi:BPMNShape id="Participant_Customer_di" bpmnElement="Participant_Customer" isHorizontal="true">
        <dc:Bounds x="160" y="40" width="900" height="60" />
        <bpmndi:BPMNLabel />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Participant_Sales_di" bpmnElement="Participant_Sales" isHorizontal="true">
        <dc:Bounds x="160" y="140" width="900" height="340" />
        <bpmndi:BPMNLabel />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_Clerk_di" bpmnElement="Lane_Clerk" isHorizontal="true">
        <dc:Bounds x="190" y="140" width="870" height="170" />
        <bpmndi:BPMNLabel />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lane_Finance_di" bpmnElement="Lane_Finance" isHorizontal="true">
        <dc:Bounds x="190" y="310" width="870" height="170" />
        <bpmndi:BPMNLabel />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Event_Start_di" bpmnElement="StartEvent_Order">
        <dc:Bounds x="232" y="192" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="228" y="235" width="44" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_Entry_di" bpmnElement="Activity_Entry">
        <dc:Bounds x="320" y="170" width="100" height="80" />
        <bpmndi:BPMNLabel />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_Split_di" bpmnElement="Gateway_Split">
        <dc:Bounds x="475" y="185" width="50" height="50" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_Credit_di" bpmnElement="Activity_Credit">
        <dc:Bounds x="580" y="350" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Activity_Stock_di" bpmnElement="Activity_Stock" isExpanded="false">
        <dc:Bounds x="580" y="170" width="100" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_Join_di" bpmnElement="Gateway_Join">
        <dc:Bounds x="735" y="185" width="50" height="50" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Event_Wait_di" bpmnElement="Event_Wait">
        <dc:Bounds x="842" y="192" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="837" y="235" width="47" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Event_Done_di" bpmnElement="Event_Done">
        <dc:Bounds x="962" y="192" width="36" height="36" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="958" y="235" width="44" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="DataObjectReference_Order_di" bpmnElement="DataObjectReference_Order">
        <dc:Bounds x="352" y="375" width="36" height="50" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="348" y="432" width="44" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="TextAnnotation_1_di" bpmnElement="TextAnnotation_1">
        <dc:Bounds x="760" y="380" width="180" height="41" />
        <bpmndi:BPMNLabel />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_Msg1_di" bpmnElement="Flow_Msg1">
        <di:waypoint x="250" y="100" />
        <di:waypoint x="250" y="192" />
        <bpmndi:BPMNLabel>
          <dc:Bounds x="258" y="133" width="45" height="14" />
        </bpmndi:BPMNLabel>
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1">
        <di:waypoint x="268" y="210" />
        <di:waypoint x="320" y="210" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2">
        <di:waypoint x="420" y="210" />
        <di:waypoint x="475" y="210" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3">
        <di:waypoint x="500" y="235" />
        <di:waypoint x="500" y="390" />
        <di:waypoint x="580" y="390" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_4_di" bpmnElement="Flow_4">
        <di:waypoint x="525" y="210" />
        <di:waypoint x="580" y="210" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_5_di" bpmnElement="Flow_5">
        <di:waypoint x="680" y="390" />
        <di:waypoint x="760" y="390" />
        <di:waypoint x="760" y="235" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_6_di" bpmnElement="Flow_6">
        <di:waypoint x="680" y="210" />
        <di:waypoint x="735" y="210" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_7_di" bpmnElement="Flow_7">
        <di:waypoint x="785" y="210" />
        <di:waypoint x="842" y="210" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_8_di" bpmnElement="Flow_8">
        <di:waypoint x="878" y="210" />
        <di:waypoint x="962" y="210" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="DataOutputAssociation_1_di" bpmnElement="DataOutputAssociation_1">
        <di:waypoint x="370" y="250" />
        <di:waypoint x="370" y="375" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Association_1_di" bpmnElement="Association_1">
        <di:waypoint x="680" y="405" />
        <di:waypoint x="760" y="405" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

/** A 1×1 white PNG. */
export const TINY_PNG = new Uint8Array(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64'),
);

/** A report using every block kind, with text that must be escaped. */
export function sampleReport(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    title: '现状分析报告',
    subtitle: '金昌 ERP 实施项目 · 调研阶段',
    projectName: '金昌 ERP 实施',
    versionLabel: 'V2（已签核）',
    generatedAt: '2026-11-28T06:30:00.000Z',
    author: '张伟',
    locale: 'zh-CN',
    coverFacts: [
      ['客户', '金昌集团'],
      ['ERP 产品', '用友 U8'],
    ],
    blocks: [
      { kind: 'heading', level: 1, text: '项目概述' },
      { kind: 'paragraph', runs: ['本报告汇总调研结果。', { text: '重点：', bold: true }, 'A & B <script>alert(1)</script>'] },
      { kind: 'paragraph', tone: 'warning', runs: ['发现 3 个瓶颈。'] },
      { kind: 'heading', level: 2, text: '业务流程现状' },
      {
        kind: 'bullets',
        items: [['采购审批靠纸质签字'], [{ text: '库存', bold: true }, '每月手工盘点']],
      },
      {
        kind: 'table',
        caption: '表 1 流程清单',
        columns: [
          { title: '流程', width: 3 },
          { title: '部门', width: 2 },
          { title: '步骤数', width: 1, align: 'right' },
        ],
        rows: [
          ['采购申请', '采购部', 5],
          ['销售订单', '销售部', 8],
          [[{ text: '冲突', bold: true, color: '#cf1322' }], null, ''],
        ],
        highlightRows: [1],
      },
      { kind: 'image', png: TINY_PNG, widthPx: 1600, heightPx: 400, alt: '采购流程图', caption: '图 1 采购流程' },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: '结论' },
      { kind: 'heading', level: 3, text: '细节' },
      { kind: 'paragraph', tone: 'success', runs: ['环境检测通过。'] },
    ],
    ...overrides,
  };
}
