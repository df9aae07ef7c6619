<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Your roles do not allow adding users.</source>
        <translation>您的角色无权添加用户。</translation>
    </message>
    <message>
        <source>The user could not be added: %1</source>
        <translation>无法添加用户：%1</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>User accounts</source>
        <translation>用户账户</translation>
    </message>
    <message>
        <source>Each person who works with courtapp has an account; their roles decide what they may do. The interface language is under File → Settings.</source>
        <translation>每位使用本系统的工作人员各有一个账户，其角色决定可以进行的操作。界面语言可在“文件 → 设置”中更改。</translation>
    </message>
    <message>
        <source>Your roles do not allow managing user accounts.</source>
        <translation>您的角色无权管理用户账户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>The user list could not be loaded: %1</source>
        <translation>用户列表加载失败：%1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>This database already has accounts.</source>
        <translation>该数据库已有用户账户。</translation>
    </message>
    <message>
        <source>Give the user name and password of an administrator of this database to set up this desk.</source>
        <translation>请输入该数据库一名管理员的用户名和密码，以完成本机设置。</translation>
    </message>
    <message>
        <source>The first account of this database.</source>
        <translation>该数据库的第一个账户。</translation>
    </message>
    <message>
        <source>The administrator adds the accounts of judges, clerks and other staff afterwards, on the Admin page.</source>
        <translation>之后由管理员在“管理”页面为法官、书记员等工作人员添加账户。</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>No.</source>
        <extracomment>The trail's columns: header and the entry's field.</extracomment>
        <translation>序号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Legal ground</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后内容</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <extracomment>How many records one search shows at most.</extracomment>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>By case number</source>
        <translation>按案号</translation>
    </message>
    <message>
        <source>By user name</source>
        <translation>按用户名</translation>
    </message>
    <message>
        <source>Empty: the newest records</source>
        <translation>留空：显示最新记录</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Verify the record</source>
        <translation>校验记录(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>导出CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>Records shown: the newest %1 of %2. Search by user or case number to see the others.</source>
        <translation>显示最新的 %1 条，共 %2 条。按用户或案号检索可查看其余记录。</translation>
    </message>
    <message>
        <source>Records shown: %1</source>
        <translation>显示记录：%1条</translation>
    </message>
    <message>
        <source>Verifying the audit record…</source>
        <translation>正在校验审计记录…</translation>
    </message>
    <message>
        <source>The audit record is intact: %1 records.</source>
        <translation>审计记录完整：共%1条。</translation>
    </message>
    <message>
        <source>The audit record has been tampered with (%1 records).</source>
        <translation>审计记录已被篡改（共%1条）。</translation>
    </message>
    <message>
        <source>First broken link: record no. %1.</source>
        <translation>首个断裂处：第%1号记录。</translation>
    </message>
    <message>
        <source>Changed outside the application: %1 %2 (%3).</source>
        <translation>在本系统之外被修改：%1 %2（%3）。</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>%1 records written to %2</source>
        <translation>已将%1条记录写入 %2</translation>
    </message>
</context>
<context>
    <name>BackupSection</name>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>An IT officer takes a backup with "courtapp backup FILE" (see the set-up guide); desks keep working meanwhile.</source>
        <translation>由信息技术人员使用“courtapp backup 文件”进行备份（见安装说明），备份期间各工作台可照常使用。</translation>
    </message>
    <message>
        <source>No backup of this database is recorded.</source>
        <translation>本数据库尚无备份记录。</translation>
    </message>
    <message>
        <source>Last backup: %1, %2 rows, to %3</source>
        <translation>上次备份：%1，共%2行，保存至%3</translation>
    </message>
    <message>
        <source>There is no backup. Take one now.</source>
        <translation>尚无备份，请立即备份。</translation>
    </message>
    <message>
        <source>The last backup is more than %1 days old. Take one now.</source>
        <translation>上次备份已超过%1天，请立即备份。</translation>
    </message>
</context>
<context>
    <name>BasisSection</name>
    <message>
        <source>Enforcement basis</source>
        <translation>执行依据</translation>
    </message>
    <message>
        <source>The effective legal document that is being enforced (执行依据).</source>
        <translation>据以执行的生效法律文书。</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>e.g. 北京市朝阳区人民法院</source>
        <translation>例如：北京市朝阳区人民法院</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>制作单位</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>%1 of %2: %3</source>
        <translation>第%1项，共%2项：%3</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>已跳过%1：%2</translation>
    </message>
    <message>
        <source>%1 document(s) in one file; %2 skipped.</source>
        <translation>已合并%1份文书为一个文件；跳过%2份。</translation>
    </message>
    <message>
        <source>Cancelled: nothing was printed.</source>
        <translation>已取消：未打印任何文书。</translation>
    </message>
    <message>
        <source>The %1 document(s) issued before the cancellation stay in the register.</source>
        <translation>取消前已签发的%1份文书仍保留在登记簿中。</translation>
    </message>
    <message>
        <source>The batch stopped: %1</source>
        <translation>批量处理中止：%1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Batch printing</source>
        <translation>批量打印</translation>
    </message>
    <message>
        <source>Skipped (the rest of the batch went on):</source>
        <translation>已跳过（其余文书照常处理）：</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CalendarSection</name>
    <message>
        <source>Working-day calendar</source>
        <translation>工作日历</translation>
    </message>
    <message>
        <source>Deadlines count working days on this calendar, make-up working days included. For a year without data they are provisional (weekdays only) until you import the State Council's schedule: one line per day, "YYYY-MM-DD holiday|workday NAME".</source>
        <translation>期限按本日历计算工作日（含调休上班日）。某年度尚无数据时，涉及该年度的期限为暂定（仅按周一至周五计算），直至导入国务院办公厅的节假日安排：每行一天，格式为“YYYY-MM-DD holiday|workday 名称”。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>特殊日期数</translation>
    </message>
    <message>
        <source>&amp;Import a year…</source>
        <translation>导入年度安排(&amp;I)…</translation>
    </message>
    <message>
        <source>MISSING: deadlines in %1 are provisional</source>
        <translation>缺失：涉及%1年的期限为暂定</translation>
    </message>
    <message>
        <source>Import a year's schedule</source>
        <translation>导入年度节假日安排</translation>
    </message>
    <message>
        <source>Schedule (*.txt);;All files (*)</source>
        <translation>节假日安排 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 imported: %2 exceptions. Deadlines in %1 are firm now.</source>
        <translation>已导入%1年：特殊日期%2个。涉及%1年的期限现已确定。</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第%1行</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>未导入：</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Click a problem to go to its field</source>
        <translation>点击问题可跳转到相应字段</translation>
    </message>
    <message>
        <source>Clear the date</source>
        <translation>清除日期</translation>
    </message>
    <message>
        <source>LANGUAGE_CODE</source>
        <comment>the code of the language of this translation, e.g. zh</comment>
        <translation>zh_CN</translation>
    </message>
    <message>
        <source>Natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>State functionary</source>
        <extracomment>2017 Provisions Art. 8 paras. 3-4: whom the court also notifies on listing.</extracomment>
        <translation>国家工作人员</translation>
    </message>
    <message>
        <source>NPC deputy</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <source>State organ</source>
        <translation>国家机关</translation>
    </message>
    <message>
        <source>Public institution</source>
        <translation>事业单位</translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation>国有企业</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Principal responsible person</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Directly responsible person affecting performance</source>
        <translation>影响债务履行的直接责任人员</translation>
    </message>
    <message>
        <source>Actual controller</source>
        <translation>实际控制人</translation>
    </message>
    <message>
        <source>Civil judgment</source>
        <translation>民事判决书</translation>
    </message>
    <message>
        <source>Civil ruling</source>
        <translation>民事裁定书</translation>
    </message>
    <message>
        <source>Civil mediation statement</source>
        <translation>民事调解书</translation>
    </message>
    <message>
        <source>Arbitral award</source>
        <translation>仲裁裁决书</translation>
    </message>
    <message>
        <source>Notarized creditor's rights document</source>
        <translation>公证债权文书</translation>
    </message>
    <message>
        <source>Administrative penalty decision</source>
        <translation>行政处罚决定书</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Monetary</source>
        <translation>金钱给付</translation>
    </message>
    <message>
        <source>Non-monetary (an act)</source>
        <translation>非金钱给付（行为）</translation>
    </message>
    <message>
        <source>Bank deposit</source>
        <translation>银行存款</translation>
    </message>
    <message>
        <source>Real estate</source>
        <translation>不动产</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股权</translation>
    </message>
    <message>
        <source>Securities</source>
        <translation>有价证券</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>到期债权</translation>
    </message>
    <message>
        <source>No measure taken</source>
        <translation>未采取措施</translation>
    </message>
    <message>
        <source>Sealed</source>
        <translation>查封</translation>
    </message>
    <message>
        <source>Seized</source>
        <translation>扣押</translation>
    </message>
    <message>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <source>Guarantee</source>
        <translation>保证</translation>
    </message>
    <message>
        <source>Mortgage</source>
        <translation>抵押</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>质押</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>保证金</translation>
    </message>
    <message>
        <source>Direct service</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <source>Left at the residence</source>
        <translation>留置送达</translation>
    </message>
    <message>
        <source>Electronic service</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>Entrusted service</source>
        <translation>委托送达</translation>
    </message>
    <message>
        <source>Service by post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Service by public announcement</source>
        <translation>公告送达</translation>
    </message>
    <message>
        <source>Forged evidence (Art. 1 item 2)</source>
        <extracomment>Each conduct with the ground of 2017 Provisions Art. 1 it falls under (:data:`courtapp.core.domain.model.CONDUCT_GROUND`; a test keeps them in step).</extracomment>
        <translation>伪造证据（第一条第二项）</translation>
    </message>
    <message>
        <source>Violence or threats (Art. 1 item 2)</source>
        <translation>暴力、威胁（第一条第二项）</translation>
    </message>
    <message>
        <source>False litigation (Art. 1 item 3)</source>
        <translation>虚假诉讼（第一条第三项）</translation>
    </message>
    <message>
        <source>False arbitration (Art. 1 item 3)</source>
        <translation>虚假仲裁（第一条第三项）</translation>
    </message>
    <message>
        <source>Concealing property (Art. 1 item 3)</source>
        <translation>隐匿财产（第一条第三项）</translation>
    </message>
    <message>
        <source>Transferring property (Art. 1 item 3)</source>
        <translation>转移财产（第一条第三项）</translation>
    </message>
    <message>
        <source>Breach of the property reporting system (Art. 1 item 4)</source>
        <translation>违反财产报告制度（第一条第四项）</translation>
    </message>
    <message>
        <source>Breach of a consumption restriction order (Art. 1 item 5)</source>
        <translation>违反限制消费令（第一条第五项）</translation>
    </message>
    <message>
        <source>Refusing without good reason to perform a settlement agreement (Art. 1 item 6)</source>
        <translation>无正当理由拒不履行执行和解协议（第一条第六项）</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Notice not yet served</source>
        <translation>执行通知未送达</translation>
    </message>
    <message>
        <source>Performance period</source>
        <translation>履行期内</translation>
    </message>
    <message>
        <source>Overdue, nothing performed</source>
        <translation>逾期未履行</translation>
    </message>
    <message>
        <source>Overdue, partly performed</source>
        <translation>逾期部分履行</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>已履行完毕</translation>
    </message>
    <message>
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Case number</source>
        <extracomment>Names of the fields, keyed by the last segment of an error path.</extracomment>
        <translation>案号</translation>
    </message>
    <message>
        <source>Enforcing court</source>
        <translation>执行法院</translation>
    </message>
    <message>
        <source>Court name</source>
        <translation>法院名称</translation>
    </message>
    <message>
        <source>Court code</source>
        <translation>法院代字</translation>
    </message>
    <message>
        <source>Filing date</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Presiding judge</source>
        <translation>承办法官</translation>
    </message>
    <message>
        <source>Enforcement basis</source>
        <translation>执行依据</translation>
    </message>
    <message>
        <source>Kind of document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>制作单位</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Effective date</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请执行人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>给付义务</translation>
    </message>
    <message>
        <source>Payments and performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <source>Property found</source>
        <translation>财产查控</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>担保</translation>
    </message>
    <message>
        <source>Execution notice</source>
        <translation>执行通知书</translation>
    </message>
    <message>
        <source>Conduct</source>
        <translation>失信行为</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>认定情况</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Type of conduct</source>
        <translation>行为类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Act performed</source>
        <translation>履行行为</translation>
    </message>
    <message>
        <source>Obligation performed</source>
        <translation>所履行的义务</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>查明日期</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>控制措施</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Performance deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Method of service</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Able to perform</source>
        <translation>有履行能力</translation>
    </message>
    <message>
        <source>Later in the order of performance</source>
        <translation>履行顺序在后</translation>
    </message>
    <message>
        <source>Student in a campus-loan case</source>
        <translation>校园贷案件在校学生</translation>
    </message>
    <message>
        <source>Serious violence or threats</source>
        <translation>暴力、威胁抗拒执行情节严重</translation>
    </message>
    <message>
        <source>Reason for a campus-loan exception</source>
        <translation>校园贷例外理由</translation>
    </message>
    <message>
        <source>Converted amount</source>
        <translation>折价金额</translation>
    </message>
    <message>
        <source>Applicant %1</source>
        <extracomment>One element of a list, numbered from 1 for people ("%1" is the number).</extracomment>
        <translation>申请执行人%1</translation>
    </message>
    <message>
        <source>Respondent %1</source>
        <translation>被执行人%1</translation>
    </message>
    <message>
        <source>Officer %1</source>
        <translation>相关人员%1</translation>
    </message>
    <message>
        <source>Obligation %1</source>
        <translation>义务%1</translation>
    </message>
    <message>
        <source>Payment %1</source>
        <translation>履行记录%1</translation>
    </message>
    <message>
        <source>Property item %1</source>
        <translation>财产%1</translation>
    </message>
    <message>
        <source>Security %1</source>
        <translation>担保%1</translation>
    </message>
    <message>
        <source>Conduct %1</source>
        <translation>失信行为%1</translation>
    </message>
    <message>
        <source>Finding %1</source>
        <translation>认定%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An error in a list: "%1" is where (describe_path), "%2" the message.</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Persons bound with the entity by a consumption restriction (2015 Provisions Art. 3 para. 2). They belong to the entity's record: a change here applies to all of its cases.</source>
        <extracomment>(name, identifier, callback(matches)) -&gt; None: look up similar persons off-thread. (person id, callback(party)) -&gt; None: fetch a registered person with its officers.</extracomment>
        <translation>单位被限制消费的，其法定代表人、主要负责人、影响债务履行的直接责任人员、实际控制人一并受限制（《限制消费规定》第三条第二款）。相关人员属于该单位的登记记录，在此修改将同时适用于该单位的所有案件。</translation>
    </message>
    <message>
        <source>%1, aged %2 (born %3)</source>
        <translation>%1，%2岁（%3出生）</translation>
    </message>
    <message>
        <source>Minor: a minor may not be put on the list of dishonest judgment defaulters (2017 Provisions Art. 4).</source>
        <translation>未成年人：被执行人为未成年人的，不得纳入失信被执行人名单（《失信被执行人名单规定》第四条）。</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>（尚未填写姓名）</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex and age</source>
        <translation>性别及年龄</translation>
    </message>
    <message>
        <source>Kind of party</source>
        <translation>当事人类型</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>Add a row (Insert)</source>
        <extracomment>A typical value, to size the column (e.g. an 18-character ID number). Called after a cell changed: (row values, key); may change other keys.</extracomment>
        <translation>添加一行（Insert键）</translation>
    </message>
    <message>
        <source>Remove selected rows</source>
        <translation>删除所选行</translation>
    </message>
    <message>
        <source>Remove the rows of the selected cells (Ctrl+Delete)</source>
        <translation>删除所选单元格所在的行（Ctrl+Delete）</translation>
    </message>
    <message>
        <source>Double-click a cell, press F2 or start typing to edit it</source>
        <translation>双击单元格、按F2键或直接输入即可编辑</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Description or act</source>
        <translation>内容或行为</translation>
    </message>
    <message>
        <source>Converted amount (CNY)</source>
        <translation>折价金额（元）</translation>
    </message>
    <message>
        <source>For an act only: the sum the enforcement basis orders in its place if it is not performed. Without it, security or seized property cannot cover the act (2017 Provisions Art. 3 items (1)-(2)).</source>
        <translation>仅适用于行为义务：执行依据确定的不履行该行为时应给付的折价款。未确定折价的，担保或已查封的财产不能代替履行该行为（《失信被执行人名单规定》第三条第（一）、（二）项）。</translation>
    </message>
    <message>
        <source>Amount paid (CNY)</source>
        <translation>履行金额（元）</translation>
    </message>
    <message>
        <source>For an act: the non-monetary obligation it performs</source>
        <translation>履行行为所对应的非金钱给付义务</translation>
    </message>
    <message>
        <source>Estimated value (CNY)</source>
        <translation>估值（元）</translation>
    </message>
    <message>
        <source>Value (CNY)</source>
        <translation>价值（元）</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Not determined</source>
        <translation>未认定</translation>
    </message>
    <message>
        <source>Able to perform but refuses: 2017 Provisions Art. 1 item 1</source>
        <translation>有履行能力而拒不履行：《失信被执行人名单规定》第一条第一项</translation>
    </message>
    <message>
        <source>Bars listing under Art. 1 item 1 (2017 Provisions Art. 3 item 3)</source>
        <translation>不得依第一条第一项纳入失信名单（《失信被执行人名单规定》第三条第三项）</translation>
    </message>
    <message>
        <source>A full-time student who became a debtor through a campus-loan dispute is generally neither listed nor restricted (2019 Opinion item 16)</source>
        <translation>全日制在校生因“校园贷”纠纷成为被执行人的，一般不得纳入失信名单或限制消费（《善意文明执行意见》第16条）</translation>
    </message>
    <message>
        <source>The recorded violence or threats were serious: the listing period may be extended (2017 Provisions Art. 2). It needs a conduct record of violence or threats; it does not replace one.</source>
        <translation>已记录的暴力、威胁行为情节严重的，可以延长纳入期限（《失信被执行人名单规定》第二条）。须有暴力、威胁行为的记录，此项认定不能代替记录。</translation>
    </message>
    <message>
        <source>Only to list or restrict a campus-loan student all the same: the judge's written reason (2019 Opinion item 16)</source>
        <translation>仅在仍对涉校园贷的在校学生纳入失信名单或限制消费时填写：承办法官的书面理由（《善意文明执行意见》第16条）</translation>
    </message>
</context>
<context>
    <name>CaseFormDialog</name>
    <message>
        <source>New enforcement case</source>
        <translation>新建执行案件</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Your role can view cases but not change them.</source>
        <translation>您的角色可以查看案件，但不能修改。</translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>What deserves attention but does not stop saving (case_warnings, e.g. R-L11).</extracomment>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Alt+1 … Alt+0 or Ctrl+PgDown / Ctrl+PgUp: go to a section</source>
        <translation>Alt+1 … Alt+0 或 Ctrl+PgDown / Ctrl+PgUp：切换栏目</translation>
    </message>
    <message>
        <source>%1 problem(s) in this section</source>
        <translation>本栏有%1处问题</translation>
    </message>
    <message>
        <source>Loading the case…</source>
        <translation>正在载入案件…</translation>
    </message>
    <message>
        <source>This case does not exist (any more).</source>
        <translation>该案件不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>Your role does not allow you to view cases.</source>
        <translation>您的角色无权查看案件。</translation>
    </message>
    <message>
        <source>The case could not be loaded: %1</source>
        <translation>案件载入失败：%1</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Enforcement case %1</source>
        <translation>执行案件 %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Read only: your role can view cases but not change them.</source>
        <translation>只读：您的角色可以查看案件，但不能修改。</translation>
    </message>
    <message>
        <source>An amount in the form cannot be read yet.</source>
        <translation>表单中有金额无法识别，暂不计算合计。</translation>
    </message>
    <message>
        <source>Warning (the case can still be saved):</source>
        <translation>提示（不影响保存）：</translation>
    </message>
    <message>
        <source>Not saved. Correct the marked fields (%1 problems) in: %2</source>
        <translation>未保存。请更正以下栏目中标出的字段（共%1处问题）：%2</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saving the case…</source>
        <translation>正在保存案件…</translation>
    </message>
    <message>
        <source>Your role does not allow you to change cases. Nothing was saved.</source>
        <translation>您的角色无权修改案件，未保存任何内容。</translation>
    </message>
    <message>
        <source>Not permitted</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>This case no longer exists; it may have been deleted. Nothing was saved.</source>
        <translation>该案件已不存在，可能已被删除。未保存任何内容。</translation>
    </message>
    <message>
        <source>Case not found</source>
        <translation>案件不存在</translation>
    </message>
    <message>
        <source>The case could not be saved: %1
Nothing was saved; your input is still in the form.</source>
        <translation>案件保存失败：%1
未保存任何内容，您填写的信息仍保留在表单中。</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>Reload the case</source>
        <translation>重新载入案件</translation>
    </message>
    <message>
        <source>Case changed by someone else</source>
        <translation>案件已被他人修改</translation>
    </message>
    <message>
        <source>Reload the case now? The changes in this form will be discarded. Choose No to keep your input on screen (for example to copy it) and reload later.</source>
        <translation>是否立即重新载入案件？表单中的修改将被放弃。选择“否”可保留您填写的内容（例如用于复制），稍后再重新载入。</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>This case has changes that have not been saved. Close the form and discard them?</source>
        <translation>本案有尚未保存的修改。是否关闭表单并放弃这些修改？</translation>
    </message>
</context>
<context>
    <name>CaseSection</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>The enforcement case number reads (year) + court code + type code + sequence + 号; full-width （） and ASCII () brackets are both accepted.</source>
        <translation>执行案号格式为（年度）+法院代字+类型代字+序号+号；全角（）与半角()括号均可。</translation>
    </message>
    <message>
        <source>e.g. 北京市朝阳区人民法院</source>
        <translation>例如：北京市朝阳区人民法院</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Enforcing court</source>
        <translation>执行法院</translation>
    </message>
    <message>
        <source>Court code</source>
        <translation>法院代字</translation>
    </message>
    <message>
        <source>Filing date</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Presiding judge</source>
        <translation>承办法官</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Case number</source>
        <extracomment>``count_cases`` stops counting a search here; the label then reads "10,000+". Typing pause before the search runs by itself.</extracomment>
        <translation>案号</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请执行人</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>立案日期</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>承办法官</translation>
    </message>
    <message>
        <source>Outstanding (CNY)</source>
        <translation>未履行金额（元）</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Counting…</source>
        <extracomment>The server-side order of each sortable column (the stage depends on today's date and is not stored, so it has no index to sort by).</extracomment>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1+ cases</source>
        <translation>%1+ 件案件</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>共 1 件案件</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>共 %1 件案件</translation>
    </message>
    <message>
        <source>Case number, name, ID number or credit code</source>
        <translation>案号、姓名或名称、身份证号码或统一社会信用代码</translation>
    </message>
    <message>
        <source>Search by case number (e.g. 执1234, or just its number 1234), by the beginning of a party's name, resident ID number or unified social credit code. Click a column heading to sort by it. Press Enter to search now.</source>
        <translation>可按案号（如“执1234”，或只输入序号“1234”）查询，或按当事人姓名、名称、公民身份号码、统一社会信用代码的开头部分查询。点击列标题可按该列排序。按回车键立即查询。</translation>
    </message>
    <message>
        <source>&amp;New case…</source>
        <translation>新建案件(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Listing &amp;worksheet…</source>
        <translation>失信审查表(&amp;W)…</translation>
    </message>
    <message>
        <source>Assess whether the selected case's respondents may be listed, and prepare the listing decision and the consumption restriction order.</source>
        <translation>审查所选案件的被执行人是否应当纳入失信被执行人名单，并制作纳入决定书和限制消费令。</translation>
    </message>
    <message>
        <source>Your roles do not allow registering cases.</source>
        <translation>您的角色无权登记案件。</translation>
    </message>
    <message>
        <source>The case list could not be loaded: %1</source>
        <translation>案件列表加载失败：%1</translation>
    </message>
    <message>
        <source>Case form</source>
        <translation>案件信息</translation>
    </message>
    <message>
        <source>The case form is not available: %1</source>
        <translation>案件信息窗口无法打开：%1</translation>
    </message>
</context>
<context>
    <name>ConductSection</name>
    <message>
        <source>Conduct</source>
        <translation>失信行为</translation>
    </message>
    <message>
        <source>Dishonest conduct of a respondent; each type falls under a ground of Art. 1 of the 2017 Provisions on the list of dishonest judgment defaulters.</source>
        <translation>被执行人的失信行为；每种行为对应《失信被执行人名单规定》第一条所列的一项情形。</translation>
    </message>
    <message>
        <source>Add conduct</source>
        <translation>添加失信行为</translation>
    </message>
    <message>
        <source>No conduct recorded.</source>
        <translation>尚无失信行为记录。</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Issue a correction</source>
        <translation>签发更正文书</translation>
    </message>
    <message>
        <source>Correct %1 (%2, %3).</source>
        <translation>更正%1（%2，%3）。</translation>
    </message>
    <message>
        <source>&amp;Reason for the correction:</source>
        <translation>更正理由(&amp;R)：</translation>
    </message>
    <message>
        <source>A new document is issued from the case as it is now; it names the document it supersedes. Both stay in the register; the old one is marked superseded.</source>
        <translation>将依据案件现有信息签发一份新文书，并注明其取代的原文书。新旧文书均保留在登记簿中，原文书标记为已被取代。</translation>
    </message>
    <message>
        <source>Issue &amp;correction</source>
        <translation>签发更正文书(&amp;C)</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>(1) should not have been listed</source>
        <translation>（一）不应被纳入失信名单</translation>
    </message>
    <message>
        <source>(2) the information is inaccurate</source>
        <translation>（二）记载和公布的失信信息不准确</translation>
    </message>
    <message>
        <source>(3) should have been deleted</source>
        <translation>（三）失信信息应予删除</translation>
    </message>
    <message>
        <source>Security offered</source>
        <translation>提供担保</translation>
    </message>
    <message>
        <source>The creditor consents</source>
        <translation>申请执行人同意</translation>
    </message>
    <message>
        <source>Fully performed</source>
        <translation>已履行完毕</translation>
    </message>
    <message>
        <source>Serious illness (self or close relative)</source>
        <translation>本人或近亲属重大疾病就医</translation>
    </message>
    <message>
        <source>Funeral of a close relative</source>
        <translation>近亲属丧葬</translation>
    </message>
    <message>
        <source>Official duty</source>
        <translation>本人执行或配合执行公务</translation>
    </message>
    <message>
        <source>Foreign affairs activity</source>
        <translation>参加外事活动</translation>
    </message>
    <message>
        <source>Important examination</source>
        <translation>重要考试</translation>
    </message>
    <message>
        <source>publication</source>
        <translation>公布</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>删除失信信息</translation>
    </message>
    <message>
        <source>correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>lifting</source>
        <translation>解除限制消费</translation>
    </message>
    <message>
        <source>temporary permission</source>
        <translation>临时准许</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Recipient</source>
        <extracomment>The server-side order of each column (issue 12 §2): keys of ``DISPATCH_SORT``. Due and overdue are counted from the court calendar, not stored: not sortable.</extracomment>
        <translation>接收方</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>发送日期</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>R-C6: the entity respondent's officers who could be the new legal representative or principal (index, name, role), the former one left out. The court's next-higher court (the default for a correction rejection). R-C9: how much of what is outstanding the security offered covers.</extracomment>
        <translation>期限</translation>
    </message>
    <message>
        <source>Overdue?</source>
        <translation>是否逾期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Petition</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Petitioner</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Delete by</source>
        <translation>删除期限</translation>
    </message>
    <message>
        <source>%1 working day(s) overdue</source>
        <extracomment>The order of each column (issue 12 §2). Due: the queue's own order (a removal by its deletion deadline, R-R7, counted from the calendar over every pending petition); the others: keys of ``PETITION_SORT``, ordered by the database. Overdue, respondent and delete-by are counted, not stored: not sortable.</extracomment>
        <translation>逾期%1个工作日</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>&amp;Intake</source>
        <translation>收件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Queue</source>
        <translation>待处理申请(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Dispatch ledger</source>
        <translation>送达台账(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CourtPage</name>
    <message>
        <source>The court</source>
        <translation>法院</translation>
    </message>
    <message>
        <source>Which court this desk works for. Documents and the register are kept per court.</source>
        <translation>本机为哪一法院工作。文书及其登记簿按法院分别保存。</translation>
    </message>
    <message>
        <source>Court &amp;name:</source>
        <translation>法院名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Court &amp;code:</source>
        <translation>法院代字(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. 北京市朝阳区人民法院</source>
        <translation>例如：北京市朝阳区人民法院</translation>
    </message>
    <message>
        <source>e.g. 京0105 (as in case numbers)</source>
        <translation>例如：京0105（与案号中一致）</translation>
    </message>
    <message>
        <source>A court code is 最高法, a province abbreviation, or one followed by 2 or 4 digits, e.g. 京0105.</source>
        <translation>法院代字应为“最高法”、省级简称，或简称后加2位或4位数字，例如京0105。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>courtapp – unexpected problem</source>
        <translation>courtapp – 意外问题</translation>
    </message>
    <message>
        <source>courtapp met an unexpected problem and could not finish what you asked. Nothing you saved before is lost.</source>
        <translation>courtapp 遇到意外问题，未能完成您的操作。此前已保存的内容不会丢失。</translation>
    </message>
    <message>
        <source>A report was saved to:
%1

Please send this file to your court's IT officer. It holds no names, ID numbers or passwords.</source>
        <translation>错误报告已保存至：
%1

请将此文件发送给本院信息技术人员。报告中不含姓名、证件号码或密码。</translation>
    </message>
    <message>
        <source>Show the &amp;folder</source>
        <translation>打开所在文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>The report could not be saved.</source>
        <translation>错误报告未能保存。</translation>
    </message>
</context>
<context>
    <name>DailyRunSection</name>
    <message>
        <source>Daily run</source>
        <translation>每日任务</translation>
    </message>
    <message>
        <source>Publishes listings whose grace period ended, deletes fixed-term listings at term end, ends temporary permissions and flags what is overdue. It also runs when courtapp starts; running it twice a day changes nothing the second time.</source>
        <translation>公布宽限期届满仍未履行的失信名单，删除纳入期限届满的失信信息，结束期满的临时准许，并标出逾期事项。程序启动时也会自动运行；同一天运行两次，第二次不作任何变更。</translation>
    </message>
    <message>
        <source>&amp;Run the daily run now</source>
        <translation>立即运行每日任务(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <source>The database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Where the cases are kept: a file on this computer (one desk), or the court's PostgreSQL server (every desk shares it).</source>
        <translation>案件保存在何处：本机上的一个文件（仅本机使用），或本院的 PostgreSQL 服务器（各工作站共用）。</translation>
    </message>
    <message>
        <source>A &amp;local file on this computer</source>
        <translation>本机上的数据库文件(&amp;L)</translation>
    </message>
    <message>
        <source>The court's Postgre&amp;SQL server</source>
        <translation>本院的 PostgreSQL 服务器(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>e.g. db.court.local or 10.1.2.3</source>
        <translation>例如：db.court.local 或 10.1.2.3</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this desk</source>
        <translation>在本机记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>It is kept in a file only your account can read (%1). Untick to be asked for it at every start.</source>
        <translation>密码保存在仅您的账户可读的文件中（%1）。取消勾选则每次启动时询问。</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>The database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>SQLite database (*.sqlite)</source>
        <translation>SQLite 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>the schema is there and will be brought up to date</source>
        <translation>数据库结构已存在，将更新到最新版本</translation>
    </message>
    <message>
        <source>the schema will be created</source>
        <translation>将创建数据库结构</translation>
    </message>
    <message>
        <source>Connected: %1; %2; %3 account(s).</source>
        <translation>连接成功：%1；%2；已有 %3 个账户。</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>连接失败：%1</translation>
    </message>
</context>
<context>
    <name>DecisionSummary</name>
    <message>
        <source>Case</source>
        <extracomment>The server-side order of each column (issue 12 §2): keys of ``LISTING_SORT``. (sort key, descending): newest first until a header is clicked.</extracomment>
        <translation>案号</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>失信情形</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>纳入期限</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Grace period until</source>
        <translation>宽限期至</translation>
    </message>
    <message>
        <source>no warning</source>
        <translation>未设宽限期</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>not signed yet</source>
        <translation>尚未签发</translation>
    </message>
    <message>
        <source>Served</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>not served</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>公布日期</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Reasons (as written in the decision, in Chinese)</source>
        <translation>理由（决定书原文，中文）</translation>
    </message>
    <message>
        <source>Consumption restriction order</source>
        <translation>限制消费令</translation>
    </message>
    <message>
        <source>Bound officer %1</source>
        <translation>单位相关人员%1</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>自%1起</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>至%1止</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Reason for the restriction</source>
        <translation>限制消费理由</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <source>All decisions</source>
        <extracomment>The status filter: label and the statuses it shows (None: all).</extracomment>
        <translation>全部决定书</translation>
    </message>
    <message>
        <source>Drafts awaiting signature</source>
        <translation>待院长签发的草稿</translation>
    </message>
    <message>
        <source>Awaiting publication</source>
        <translation>待公布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已公布</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>案件%1</translation>
    </message>
    <message>
        <source>1 decision</source>
        <translation>1 份决定书</translation>
    </message>
    <message>
        <source>%1 decisions</source>
        <translation>%1 份决定书</translation>
    </message>
    <message>
        <source>The decisions could not be loaded: %1</source>
        <translation>决定书列表加载失败：%1</translation>
    </message>
    <message>
        <source>%1 · %2 · signed %3 by %4, %5 days ago, not served</source>
        <translation>%1 · %2 · %4于%3签发，已过%5天，尚未送达</translation>
    </message>
    <message>
        <source>Signed but not served: %1 decision(s). A decision must be served once signed (2019 Opinion item 14) — record the service.</source>
        <translation>已签发未送达：%1份决定书。决定书签发后应当送达，坚决杜绝只签发不送达（《善意文明执行意见》第14条），请及时送达并记录。</translation>
    </message>
    <message>
        <source>Select a decision to see its respondent's state and history.</source>
        <translation>选择一份决定书，查看被执行人的状态及变更记录。</translation>
    </message>
    <message>
        <source>State and history of %1</source>
        <translation>%1的状态及变更记录</translation>
    </message>
    <message>
        <source>Only the court president signs listing decisions (院长签发).</source>
        <translation>纳入决定书仅由院长签发。</translation>
    </message>
    <message>
        <source>Only a judge or a clerk records service.</source>
        <translation>仅法官或书记员可以记录送达。</translation>
    </message>
    <message>
        <source>Publish every signed, served decision whose grace period has ended; cancel those performed in full during the grace period.</source>
        <translation>公布所有已签发、已送达且宽限期已届满的决定；宽限期内已全部履行的，予以撤销。</translation>
    </message>
    <message>
        <source>Only an administrator runs the publication.</source>
        <translation>仅管理员可以执行公布。</translation>
    </message>
    <message>
        <source>Decision No. %1 signed by %2; it took effect on %3. Now record its service.</source>
        <translation>第%1号决定书已由%2签发，自%3起生效。请及时送达并记录。</translation>
    </message>
    <message>
        <source>Service of decision No. %1 recorded: %2.</source>
        <translation>已记录第%1号决定书的送达：%2。</translation>
    </message>
    <message>
        <source>Publication run for %1: %2 published, %3 cancelled (performed during the grace period), %4 waiting for service.</source>
        <translation>%1公布处理结果：公布%2份，撤销%3份（宽限期内已履行），%4份待送达。</translation>
    </message>
    <message>
        <source>Nothing left to publish on %1: every signed, served decision whose grace period has ended is already published (the daily run at login publishes them).</source>
        <translation>%1无待公布的决定：凡已签发、已送达且宽限期届满的决定均已公布（登录时的每日任务会自动公布）。</translation>
    </message>
    <message>
        <source>%1 decision(s) are still in their grace period; the next one ends on %2.</source>
        <translation>另有%1份决定仍在宽限期内，最近一份的宽限期于%2届满。</translation>
    </message>
    <message>
        <source>%1 signed decision(s) must be served before they can be published.</source>
        <translation>%1份已签发的决定须先送达方可公布。</translation>
    </message>
    <message>
        <source>Refused:</source>
        <translation>操作被拒绝：</translation>
    </message>
    <message>
        <source>Listing decisions</source>
        <translation>纳入失信名单决定书</translation>
    </message>
    <message>
        <source>Show &amp;cases:</source>
        <translation>案件范围(&amp;C)：</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Sign…</source>
        <translation>签发(&amp;S)…</translation>
    </message>
    <message>
        <source>Record s&amp;ervice…</source>
        <translation>记录送达(&amp;E)…</translation>
    </message>
    <message>
        <source>Open &amp;worksheet…</source>
        <translation>打开审查表(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Publish due listings</source>
        <translation>公布到期名单(&amp;P)</translation>
    </message>
</context>
<context>
    <name>DocKind</name>
    <message>
        <source>Execution notice</source>
        <translation>执行通知书</translation>
    </message>
    <message>
        <source>Warning notice (grace period)</source>
        <translation>预警通知书（宽限期）</translation>
    </message>
    <message>
        <source>Listing decision</source>
        <translation>纳入失信被执行人名单决定书</translation>
    </message>
    <message>
        <source>Consumption restriction order</source>
        <translation>限制消费令</translation>
    </message>
    <message>
        <source>Notice lifting a restriction</source>
        <translation>解除限制消费通知书</translation>
    </message>
    <message>
        <source>Deletion (revocation) decision</source>
        <translation>删除（撤销）失信信息决定书</translation>
    </message>
    <message>
        <source>Decision on a correction application</source>
        <translation>纠正申请决定书</translation>
    </message>
    <message>
        <source>Permission for temporary travel or consumption</source>
        <translation>准许临时出行/消费决定书</translation>
    </message>
    <message>
        <source>Counter receipt</source>
        <translation>收件回执</translation>
    </message>
    <message>
        <source>With the listing risk warning (2017 Provisions Art. 5 para. 1). Needs the case's execution notice: its issue date and performance deadline.</source>
        <extracomment>What each kind is issued from (shown under the kind in the Issue dialog).</extracomment>
        <translation>载明纳入失信名单的风险提示（2017年规定第五条第一款）。需要案件的执行通知信息：发出日期和履行期限。</translation>
    </message>
    <message>
        <source>Needs a signed listing decision with a grace period for the respondent (2019 Opinion item 15).</source>
        <translation>需要该被执行人已签发且设有宽限期的纳入失信名单决定（2019年意见第15条）。</translation>
    </message>
    <message>
        <source>Needs the respondent's listing decision signed by the president (2017 Provisions Art. 5 para. 3).</source>
        <translation>需要院长已签发的该被执行人纳入失信名单决定（2017年规定第五条第三款）。</translation>
    </message>
    <message>
        <source>Needs a signed listing decision with restrictions, or a signed restriction order, for the respondent (2015 Provisions Arts. 1, 3, 5).</source>
        <translation>需要该被执行人已签发的含限制消费措施的纳入决定，或已签发的限制消费决定（2015年规定第一、三、五条）。</translation>
    </message>
    <message>
        <source>Needs a restriction item of the respondent that was lifted or temporarily lifted, and the ground (2015 Provisions Art. 9).</source>
        <translation>需要该被执行人已解除或暂时解除的限制消费项目，并写明解除事由（2015年规定第九条）。</translation>
    </message>
    <message>
        <source>Needs a removed (deleted or revoked) listing of the respondent (2017 Provisions Arts. 9–10).</source>
        <translation>需要该被执行人已删除或撤销的失信记录（2017年规定第九、十条）。</translation>
    </message>
    <message>
        <source>Decides a written correction application (2017 Provisions Arts. 11–12); a rejection names the next-higher court for reconsideration within 10 days.</source>
        <translation>对书面纠正申请作出决定（2017年规定第十一、十二条）；驳回的，告知可在十日内向上一级人民法院申请复议。</translation>
    </message>
    <message>
        <source>Needs restrictions on the respondent (2015 Provisions Arts. 3, 8; 2019 Opinion item 17).</source>
        <translation>需要该被执行人存在限制消费措施（2015年规定第三、八条；2019年意见第17条）。</translation>
    </message>
    <message>
        <source>The receipt handed over at the counter for a written petition.</source>
        <translation>诉讼服务窗口收到书面申请时出具的回执。</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <source>Case %1</source>
        <translation>案件%1</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 份文书</translation>
    </message>
    <message>
        <source>%1 documents</source>
        <translation>%1 份文书</translation>
    </message>
    <message>
        <source>The register could not be loaded: %1</source>
        <translation>文书登记簿加载失败：%1</translation>
    </message>
    <message>
        <source>Your roles do not allow issuing documents.</source>
        <translation>您的角色无权签发文书。</translation>
    </message>
    <message>
        <source>Choose a case first: select it on the Cases page, or select one of its documents here.</source>
        <translation>请先选择案件：在“案件”页中选中，或在此处选中该案件的一份文书。</translation>
    </message>
    <message>
        <source>Issue a document in this case (%1)</source>
        <translation>在本案中签发文书（%1）</translation>
    </message>
    <message>
        <source>Record the service of the selected listing decision (%1)</source>
        <translation>记录所选纳入决定书的送达（%1）</translation>
    </message>
    <message>
        <source>Only a judge or a clerk records service.</source>
        <translation>仅法官或书记员可以记录送达。</translation>
    </message>
    <message>
        <source>Draft: %1</source>
        <translation>草稿：%1</translation>
    </message>
    <message>
        <source>Issued %1 (%2). Space previews it, %3 prints it.</source>
        <translation>已签发%1（%2）。按空格键预览，按%3打印。</translation>
    </message>
    <message>
        <source>A print run is still going on; wait for it to finish.</source>
        <translation>仍有打印任务在进行，请等待其完成。</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第%1页，共%2页…</translation>
    </message>
    <message>
        <source>Printing %1…</source>
        <translation>正在打印%1…</translation>
    </message>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已向打印机发送%1页。</translation>
    </message>
    <message>
        <source>Reprint to a file</source>
        <translation>重印到文件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1 to %2: identical to the issued file (SHA-256 %3…).</source>
        <translation>已将%1保存到%2：与签发时的文件完全相同（SHA-256 %3…）。</translation>
    </message>
    <message>
        <source>The copy of %1 does not match the issued file.</source>
        <translation>%1的副本与签发时的文件不一致。</translation>
    </message>
    <message>
        <source>The service of this listing decision is already recorded.</source>
        <translation>该纳入决定书的送达已经记录。</translation>
    </message>
    <message>
        <source>Service of the listing decision recorded: %1, served on %2.</source>
        <translation>已记录纳入决定书的送达：%1，送达日期%2。</translation>
    </message>
    <message>
        <source>The %1 selected document(s)</source>
        <translation>所选的%1份文书</translation>
    </message>
    <message>
        <source>No warning is due this week (%1 to %2).</source>
        <translation>本周（%1至%2）没有到期的预警通知。</translation>
    </message>
    <message>
        <source>Every warning due this week (%1 to %2): %3</source>
        <translation>本周（%1至%2）到期的全部预警通知：%3份</translation>
    </message>
    <message>
        <source>%1 has no signed restriction order.</source>
        <translation>%1没有已签发的限制消费令。</translation>
    </message>
    <message>
        <source>Every restriction order of %1: %2</source>
        <translation>%1的全部限制消费令：%2份</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Register of issued documents</source>
        <translation>文书签发登记簿</translation>
    </message>
    <message>
        <source>Show &amp;cases:</source>
        <translation>案件范围(&amp;C)：</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>全部案件</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>文书种类(&amp;K)：</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>全部种类</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>No document issued yet here. Select a case on the Cases page, come back and choose Issue…</source>
        <translation>此处尚未签发文书。请在“案件”页中选中案件，再回到本页选择“签发…”。</translation>
    </message>
    <message>
        <source>&amp;Issue…</source>
        <translation>签发(&amp;I)…</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>预览(&amp;V)</translation>
    </message>
    <message>
        <source>Preview the selected document (Space or Enter)</source>
        <translation>预览所选文书（空格键或回车键）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the selected document; several selected print as one file (%1)</source>
        <translation>打印所选文书；选中多份时合并为一个文件打印（%1）</translation>
    </message>
    <message>
        <source>Reprint to &amp;file…</source>
        <translation>重印到文件(&amp;F)…</translation>
    </message>
    <message>
        <source>Save the issued file, byte for byte identical to the first print, as a PDF</source>
        <translation>将签发时的文件保存为PDF，与首次打印逐字节相同</translation>
    </message>
    <message>
        <source>Issue c&amp;orrection…</source>
        <translation>签发更正(&amp;O)…</translation>
    </message>
    <message>
        <source>Issue a new document that supersedes the selected one; both stay in the register</source>
        <translation>签发一份取代所选文书的新文书；两份文书均保留在登记簿中</translation>
    </message>
    <message>
        <source>&amp;Mark served…</source>
        <translation>记录送达(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Batch print</source>
        <translation>批量打印(&amp;B)</translation>
    </message>
    <message>
        <source>The selected documents</source>
        <translation>所选文书</translation>
    </message>
    <message>
        <source>Every warning due this week</source>
        <translation>本周到期的全部预警通知</translation>
    </message>
    <message>
        <source>Every restriction order of this case</source>
        <translation>本案的全部限制消费令</translation>
    </message>
    <message>
        <source>&amp;Verify a document…</source>
        <translation>核验文书(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Your roles do not allow %1.</source>
        <translation>您的角色无权%1。</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>该记录</translation>
    </message>
    <message>
        <source>The record does not exist (any more): %1</source>
        <translation>该记录不存在（或已删除）：%1</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>An unexpected error occurred (%1). Nothing was changed by it; the details are in the log file.</source>
        <translation>发生意外错误（%1），未因此修改任何数据；详细信息已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>FindingsSection</name>
    <message>
        <source>Findings</source>
        <translation>认定情况</translation>
    </message>
    <message>
        <source>The judge's findings on each respondent, used when deciding on listing.</source>
        <translation>法官对各被执行人的认定，供决定是否纳入失信名单时参考。</translation>
    </message>
</context>
<context>
    <name>HistoryTable</name>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>状态变更</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Recorded at %1</source>
        <translation>记录时间：%1</translation>
    </message>
</context>
<context>
    <name>IntakeForm</name>
    <message>
        <source>Petition at the litigation service counter</source>
        <translation>诉讼服务窗口：收取申请</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>案件(&amp;C)：</translation>
    </message>
    <message>
        <source>Petition &amp;kind:</source>
        <translation>申请类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Petitioner's &amp;ID / credit code:</source>
        <translation>申请人证件号码/统一社会信用代码(&amp;I)：</translation>
    </message>
    <message>
        <source>Petitioner's &amp;name:</source>
        <translation>申请人姓名/名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Statement:</source>
        <translation>申请事项及理由(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>收到日期(&amp;R)：</translation>
    </message>
    <message>
        <source>Correction &amp;ground:</source>
        <translation>纠正理由(&amp;G)：</translation>
    </message>
    <message>
        <source>Should &amp;read:</source>
        <translation>应更正为(&amp;R)：</translation>
    </message>
    <message>
        <source>Lifting &amp;ground:</source>
        <translation>解除理由(&amp;G)：</translation>
    </message>
    <message>
        <source>Securit&amp;y offered:</source>
        <translation>提供的担保(&amp;Y)：</translation>
    </message>
    <message>
        <source>Security's &amp;value (yuan):</source>
        <translation>担保价值（元）(&amp;V)：</translation>
    </message>
    <message>
        <source>Travel &amp;ground:</source>
        <translation>出行事由(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Itinerary:</source>
        <translation>行程(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Consumption asked for:</source>
        <translation>申请消费事项(&amp;C)：</translation>
    </message>
    <message>
        <source>Period &amp;from:</source>
        <translation>期间自(&amp;F)：</translation>
    </message>
    <message>
        <source>Period &amp;until:</source>
        <translation>期间至(&amp;U)：</translation>
    </message>
    <message>
        <source>Round &amp;terminated on:</source>
        <translation>终结本次执行日期(&amp;T)：</translation>
    </message>
    <message>
        <source>Online &amp;searches (dates):</source>
        <translation>网络查控日期(&amp;S)：</translation>
    </message>
    <message>
        <source>Asset &amp;lead given:</source>
        <translation>财产线索(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>证据材料(&amp;E)：</translation>
    </message>
    <message>
        <source>Case number, name or ID number</source>
        <translation>案号、姓名/名称或证件号码</translation>
    </message>
    <message>
        <source>As on the identity document</source>
        <translation>与身份证件一致</translation>
    </message>
    <message>
        <source>What the petitioner asks, in their words</source>
        <translation>申请人陈述的申请事项和理由</translation>
    </message>
    <message>
        <source>e.g. 2026-08-01, 2026-09-01 (none found property)</source>
        <translation>例如 2026-08-01, 2026-09-01（均未发现财产）</translation>
    </message>
    <message>
        <source>Someone gave an effective asset lead</source>
        <translation>有人提供了有效财产线索</translation>
    </message>
    <message>
        <source>What is offered, e.g. a mortgage on a named property</source>
        <translation>提供何种担保，如以某处房产设定抵押</translation>
    </message>
    <message>
        <source>e.g. 50000.00</source>
        <translation>如 50000.00</translation>
    </message>
    <message>
        <source>&amp;Add file…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>Re&amp;move file</source>
        <translation>移除文件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;File petition (Ctrl+Enter)</source>
        <translation>登记申请(&amp;F)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>&amp;Print receipt (Ctrl+P)</source>
        <translation>打印收件回执(&amp;P)（Ctrl+P）</translation>
    </message>
    <message>
        <source>Issue the receipt a&amp;gain</source>
        <translation>重新出具收件回执(&amp;G)</translation>
    </message>
    <message>
        <source>working days</source>
        <translation>个工作日</translation>
    </message>
    <message>
        <source>calendar days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Legal basis: %1 · decision due %2 %3 after receipt</source>
        <translation>法律依据：%1 · 答复期限：收到后%2%3</translation>
    </message>
    <message>
        <source>No case chosen: type to search, Enter takes the first match.</source>
        <translation>尚未选择案件：输入即可查找，按回车选中第一项。</translation>
    </message>
    <message>
        <source>%1 – respondent(s): %2; applicant(s): %3; outstanding %4 yuan</source>
        <translation>%1 – 被执行人：%2；申请执行人：%3；未履行金额%4元</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>添加证据材料</translation>
    </message>
    <message>
        <source>%1 (%2 bytes) SHA-256 %3</source>
        <translation>%1（%2字节）SHA-256 %3</translation>
    </message>
    <message>
        <source>Write the security's value in yuan, e.g. 50000.00.</source>
        <translation>请以元为单位填写担保价值，如 50000.00。</translation>
    </message>
    <message>
        <source>Write the search dates as YYYY-MM-DD, separated by commas.</source>
        <translation>查询日期请写作YYYY-MM-DD，以逗号分隔。</translation>
    </message>
    <message>
        <source>Choose the case first.</source>
        <translation>请先选择案件。</translation>
    </message>
    <message>
        <source>Not filed: correct the marked fields.</source>
        <translation>未登记：请更正标出的栏目。</translation>
    </message>
    <message>
        <source>Filed %1. Decision due by %2.</source>
        <translation>已登记申请%1。答复期限：%2。</translation>
    </message>
    <message>
        <source>PROVISIONAL: no holiday calendar for %1 yet, counted on weekdays only; it becomes firm when an administrator enters that year.</source>
        <translation>期限暂定：尚未录入%1年的节假日安排，暂按周一至周五计算；管理员录入该年度后即确定。</translation>
    </message>
    <message>
        <source>Receipt %1 ready to print.</source>
        <translation>收件回执%1可以打印。</translation>
    </message>
    <message>
        <source>The receipt could not be issued: %1</source>
        <translation>收件回执未能出具：%1</translation>
    </message>
    <message>
        <source>Receipt %1</source>
        <translation>收件回执%1</translation>
    </message>
</context>
<context>
    <name>IssueDetails</name>
    <message>
        <source>Art. 10 para. 1 item (%1): %2</source>
        <translation>第十条第一款第（%1）项：%2</translation>
    </message>
    <message>
        <source>The respondent itself</source>
        <translation>被执行人本人</translation>
    </message>
    <message>
        <source>set</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Ground (2015 Art. 9)</source>
        <translation>解除事由（2015年规定第九条）</translation>
    </message>
    <message>
        <source>Genuine and effective security</source>
        <translation>提供确实有效的担保</translation>
    </message>
    <message>
        <source>The applicant consents</source>
        <translation>申请执行人同意解除</translation>
    </message>
    <message>
        <source>Obligations performed in full</source>
        <translation>已全部履行义务</translation>
    </message>
    <message>
        <source>Deleted or revoked</source>
        <translation>删除或撤销</translation>
    </message>
    <message>
        <source>As recorded on the listing</source>
        <translation>按失信记录所载</translation>
    </message>
    <message>
        <source>Deleted (2017 Art. 10)</source>
        <translation>删除（2017年规定第十条）</translation>
    </message>
    <message>
        <source>Revoked: should not have been listed (2017 Art. 9)</source>
        <translation>撤销：不应纳入失信名单（2017年规定第九条）</translation>
    </message>
    <message>
        <source>Ground for deletion</source>
        <translation>删除事由</translation>
    </message>
    <message>
        <source>performed, or enforcement completed</source>
        <translation>已履行义务或执行完毕</translation>
    </message>
    <message>
        <source>settlement agreement performed in full</source>
        <translation>执行和解协议已履行完毕</translation>
    </message>
    <message>
        <source>the applicant applied and the court agreed</source>
        <translation>申请执行人申请删除，法院审查同意</translation>
    </message>
    <message>
        <source>no property found after this round ended</source>
        <translation>终结本次执行后未发现可供执行财产</translation>
    </message>
    <message>
        <source>suspended for retrial or bankruptcy</source>
        <translation>因审判监督或破产程序中止执行</translation>
    </message>
    <message>
        <source>ruled not to enforce</source>
        <translation>裁定不予执行</translation>
    </message>
    <message>
        <source>enforcement terminated</source>
        <translation>裁定终结执行</translation>
    </message>
    <message>
        <source>The term has expired (Art. 10 para. 2)</source>
        <translation>纳入期限届满（第十条第二款）</translation>
    </message>
    <message>
        <source>Early deletion (Art. 2 para. 2)</source>
        <translation>提前删除（第二条第二款）</translation>
    </message>
    <message>
        <source>Reasons for revoking</source>
        <translation>撤销理由</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>审查结果</translation>
    </message>
    <message>
        <source>Granted: the entry is corrected</source>
        <translation>予以纠正</translation>
    </message>
    <message>
        <source>Rejected (reconsideration within 10 days)</source>
        <translation>驳回（可在十日内申请复议）</translation>
    </message>
    <message>
        <source>Ground (2017 Art. 11)</source>
        <translation>申请理由（2017年规定第十一条）</translation>
    </message>
    <message>
        <source>(1) should not have been listed</source>
        <translation>（一）不应纳入失信名单</translation>
    </message>
    <message>
        <source>(2) the recorded information is inaccurate</source>
        <translation>（二）记载和公布的失信信息不准确</translation>
    </message>
    <message>
        <source>(3) the entry should be deleted</source>
        <translation>（三）失信信息应予删除</translation>
    </message>
    <message>
        <source>Application received on</source>
        <translation>收到申请日期</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Corrected information</source>
        <translation>更正后的信息</translation>
    </message>
    <message>
        <source>Next-higher court</source>
        <translation>上一级人民法院</translation>
    </message>
    <message>
        <source>Permitted</source>
        <translation>准许事项</translation>
    </message>
    <message>
        <source>Temporary travel by air or high-speed rail</source>
        <translation>临时乘坐飞机、高铁出行</translation>
    </message>
    <message>
        <source>Private consumption of a bound person</source>
        <translation>相关人员因私消费</translation>
    </message>
    <message>
        <source>Necessary consumption (2015 Art. 8)</source>
        <translation>必需消费（2015年规定第八条）</translation>
    </message>
    <message>
        <source>Reason for travel</source>
        <translation>出行事由</translation>
    </message>
    <message>
        <source>Serious illness (self or close relative)</source>
        <translation>本人或近亲属重大疾病就医</translation>
    </message>
    <message>
        <source>Funeral of a close relative</source>
        <translation>近亲属丧葬</translation>
    </message>
    <message>
        <source>Official duties</source>
        <translation>执行或配合执行公务</translation>
    </message>
    <message>
        <source>Foreign-affairs activity</source>
        <translation>参加外事活动</translation>
    </message>
    <message>
        <source>Important examination</source>
        <translation>参加重要考试</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Permitted from</source>
        <translation>准许起始日期</translation>
    </message>
    <message>
        <source>Permitted until</source>
        <translation>准许截止日期</translation>
    </message>
    <message>
        <source>Itinerary</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>Consumption applied for</source>
        <translation>申请的消费事项</translation>
    </message>
    <message>
        <source>Petition</source>
        <translation>申请种类</translation>
    </message>
    <message>
        <source>Correction of list information</source>
        <translation>纠正失信信息</translation>
    </message>
    <message>
        <source>Application to list the respondent</source>
        <translation>申请纳入失信名单</translation>
    </message>
    <message>
        <source>Application to restrict consumption</source>
        <translation>申请限制消费</translation>
    </message>
    <message>
        <source>Temporary travel</source>
        <translation>临时出行</translation>
    </message>
    <message>
        <source>Private consumption</source>
        <translation>因私消费</translation>
    </message>
    <message>
        <source>Necessary consumption</source>
        <translation>必需消费</translation>
    </message>
    <message>
        <source>Lifting the restriction order</source>
        <translation>解除限制消费令</translation>
    </message>
    <message>
        <source>Deletion of list information</source>
        <translation>删除失信信息</translation>
    </message>
    <message>
        <source>Receipt number</source>
        <translation>收件编号</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>The respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>The applicant</source>
        <translation>申请执行人</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收件日期</translation>
    </message>
    <message>
        <source>Answer due by</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Every respondent</source>
        <translation>全体被执行人</translation>
    </message>
    <message>
        <source>Issuing…</source>
        <translation>正在签发…</translation>
    </message>
    <message>
        <source>Rendering the draft…</source>
        <translation>正在生成草稿…</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Issue a document</source>
        <translation>签发文书</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>案件：</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>文书种类(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Respondent:</source>
        <translation>被执行人(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Language of the document:</source>
        <translation>文书语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>签发(&amp;I)</translation>
    </message>
    <message>
        <source>Preview &amp;draft</source>
        <translation>预览草稿(&amp;D)</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>The signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Each desk signs the documents it issues with its own key; its public key is registered in the court's database, so anyone can check a document offline.</source>
        <translation>每台电脑用本机自己的密钥对所签发的文书签名；其公钥登记在本院数据库中，任何人都可离线核验文书。</translation>
    </message>
    <message>
        <source>&amp;Generate this desk's own key</source>
        <translation>为本机生成密钥(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Import this desk's key file (a rebuilt desk)</source>
        <translation>导入本机的密钥文件（重装的电脑）(&amp;I)</translation>
    </message>
    <message>
        <source>The private key stays on this computer, encrypted with the passphrase in COURTAPP_KEY_PASSPHRASE and readable by your account only (%1).</source>
        <translation>私钥保存在本机，用COURTAPP_KEY_PASSPHRASE中的口令加密，仅您的账户可读取（%1）。</translation>
    </message>
    <message>
        <source>This desk's key file</source>
        <translation>本机的密钥文件</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Key files (*.pem);;All files (*)</source>
        <translation>密钥文件 (*.pem);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>Launcher</name>
    <message>
        <source>Password of %1 for the database %2 on %3:</source>
        <extracomment>Families this process added itself (not the system's).</extracomment>
        <translation>请输入 %1 访问 %3 上数据库 %2 的密码：</translation>
    </message>
    <message>
        <source>The database cannot be read: %1</source>
        <extracomment>The desk locked itself after ``desk.idle_lock_minutes`` without input. Locks the desk after a while without input (not on the demo database).</extracomment>
        <translation>无法读取数据库：%1</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Dispatch ledger: open items awaiting acknowledgement</source>
        <translation>送达台账：待回执确认的事项</translation>
    </message>
    <message>
        <source>Acknowledged &amp;on:</source>
        <translation>回执日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Acknowledge selected</source>
        <translation>回执确认所选事项(&amp;A)</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>刷新(&amp;H)</translation>
    </message>
    <message>
        <source>Select the items the recipient confirmed.</source>
        <translation>请选择接收方已确认的事项。</translation>
    </message>
    <message>
        <source>%1 item(s) acknowledged.</source>
        <translation>已回执确认%1项。</translation>
    </message>
</context>
<context>
    <name>Listing</name>
    <message>
        <source>Established</source>
        <extracomment>The judge's written reason for a campus-loan exception (2019 Opinion item 16). Row status → (label, text colour, background).</extracomment>
        <translation>成立</translation>
    </message>
    <message>
        <source>Barred</source>
        <translation>被阻却</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未发现</translation>
    </message>
    <message>
        <source>Answer needed</source>
        <translation>待认定</translation>
    </message>
    <message>
        <source>Applies</source>
        <translation>适用</translation>
    </message>
    <message>
        <source>Does not apply</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <extracomment>The sentences of the evidence column; ``%1``… are filled in by :func:`_say`.</extracomment>
        <translation>尚未认定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1, %2: %3, found %4 — %5</source>
        <translation>%1，%2：%3，%4查得——%5</translation>
    </message>
    <message>
        <source>Judge's finding, able to perform: %1</source>
        <translation>法官认定有履行能力：%1</translation>
    </message>
    <message>
        <source>No property found on record.</source>
        <translation>未查得财产。</translation>
    </message>
    <message>
        <source>Paid so far: %1 (payments recorded: %2)</source>
        <translation>已履行：%1（履行记录%2笔）</translation>
    </message>
    <message>
        <source>Outstanding: %1</source>
        <translation>未履行金额：%1</translation>
    </message>
    <message>
        <source>No conduct of this kind recorded.</source>
        <translation>无此类失信行为记录。</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1——%2</translation>
    </message>
    <message>
        <source>Due %1; paid %2; outstanding %3.</source>
        <translation>应履行%1；已履行%2；未履行%3。</translation>
    </message>
    <message>
        <source>Not performed: %1</source>
        <translation>未履行：%1</translation>
    </message>
    <message>
        <source>Performed: %1</source>
        <translation>已履行：%1</translation>
    </message>
    <message>
        <source>No execution notice recorded.</source>
        <translation>未记录执行通知书。</translation>
    </message>
    <message>
        <source>served %1 (%2)</source>
        <translation>于%1送达（%2）</translation>
    </message>
    <message>
        <source>not served</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <source>Execution notice issued %1, %2.</source>
        <translation>执行通知书于%1发出，%2。</translation>
    </message>
    <message>
        <source>Performance deadline: %1 (assessed as of %2).</source>
        <translation>履行期限届满日：%1（审查日期：%2）。</translation>
    </message>
    <message>
        <source>Grace period of the current decision until %1.</source>
        <translation>现有决定的宽限期至%1。</translation>
    </message>
    <message>
        <source>No grace period running.</source>
        <translation>无正在进行的宽限期。</translation>
    </message>
    <message>
        <source>An entity: not applicable.</source>
        <translation>单位被执行人，不适用。</translation>
    </message>
    <message>
        <source>ID number %1: born %2, age %3 on %4.</source>
        <translation>身份证号码%1：出生日期%2，至%4为%3周岁。</translation>
    </message>
    <message>
        <source>No valid ID number: the age cannot be read.</source>
        <translation>无有效身份证号码，无法确定年龄。</translation>
    </message>
    <message>
        <source>Judge's finding: %1</source>
        <translation>法官认定：%1</translation>
    </message>
    <message>
        <source>Security %1 against outstanding %2.</source>
        <translation>担保%1，未履行金额%2。</translation>
    </message>
    <message>
        <source>No security provided.</source>
        <translation>未提供担保。</translation>
    </message>
    <message>
        <source>No property sealed, seized or frozen.</source>
        <translation>无已查封、扣押、冻结的财产。</translation>
    </message>
    <message>
        <source>Held %1 against outstanding %2.</source>
        <translation>已控制财产%1，未履行金额%2。</translation>
    </message>
    <message>
        <source>Barred by: %1.</source>
        <translation>阻却情形：%1。</translation>
    </message>
    <message>
        <source>Bars ground (1) only</source>
        <translation>仅阻却第一条第（一）项</translation>
    </message>
    <message>
        <source>Bars every ground</source>
        <translation>阻却全部失信情形</translation>
    </message>
    <message>
        <source>Bars ground (1) and a consumption restriction</source>
        <translation>阻却第一条第（一）项及限制消费</translation>
    </message>
    <message>
        <source>Bars every ground and a consumption restriction</source>
        <translation>阻却全部失信情形及限制消费</translation>
    </message>
    <message>
        <source>Served on %1, on or after the deadline of %2: the respondent never had the period to perform. Ground (1) and a restriction wait for a fresh notice with a new deadline, served, and that deadline passed.</source>
        <translation>于%1送达，送达时履行期限（%2）已届至，被执行人未获得履行期间。须重新送达指定新履行期限的执行通知书且该期限届满后，方可适用第一条第（一）项或限制消费。</translation>
    </message>
    <message>
        <source>The judge's written reason for an exception: %1</source>
        <translation>承办法官书面说明的例外理由：%1</translation>
    </message>
    <message>
        <source>No written reason for an exception.</source>
        <translation>未书面说明例外理由。</translation>
    </message>
    <message>
        <source>Everything outstanding under the basis: %1 (money %2, acts converted %3).</source>
        <translation>执行依据确定的全部未履行债务：%1（金钱%2，行为义务折价%3）。</translation>
    </message>
    <message>
        <source>Unperformed act with no money equivalent: %1 — money or property cannot perform it.</source>
        <translation>未履行且未折价的行为义务：%1——金钱或财产不能代替履行。</translation>
    </message>
    <message>
        <source>Co-respondent %1: %2 held — for the judge to weigh.</source>
        <translation>共同被执行人%1：已控制%2——由承办法官审查。</translation>
    </message>
    <message>
        <source>Grounds for listing (2017 Provisions Art. 1)</source>
        <translation>失信情形（《失信被执行人名单规定》第一条）</translation>
    </message>
    <message>
        <source>Bars to listing</source>
        <translation>不得纳入的情形</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Notice served</source>
        <translation>执行通知已送达</translation>
    </message>
    <message>
        <source>Warned (grace period)</source>
        <translation>已预警（宽限期内）</translation>
    </message>
    <message>
        <source>Listed, awaiting publication</source>
        <translation>已纳入，待公布</translation>
    </message>
    <message>
        <source>Listed, published</source>
        <translation>已纳入，已公布</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Draft, awaiting signature</source>
        <translation>草稿，待院长签发</translation>
    </message>
    <message>
        <source>Awaiting publication</source>
        <translation>待公布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已公布</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>term expired</source>
        <translation>期限届满</translation>
    </message>
    <message>
        <source>cancelled: performed during the grace period</source>
        <translation>已撤销：宽限期内已履行</translation>
    </message>
    <message>
        <source>imposed</source>
        <translation>限制中</translation>
    </message>
    <message>
        <source>temporarily lifted</source>
        <translation>暂时解除</translation>
    </message>
    <message>
        <source>lifted</source>
        <translation>已解除</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 1 item (%1)</source>
        <translation>《失信被执行人名单规定》第一条第（%1）项</translation>
    </message>
    <message>
        <source>Art. 1 %1</source>
        <translation>第一条第%1项</translation>
    </message>
    <message>
        <source>No fixed term</source>
        <translation>不设固定期限</translation>
    </message>
    <message>
        <source>%1 years + %2 extension</source>
        <translation>%1年，延长%2年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
    <message>
        <source>Nothing outstanding</source>
        <extracomment>Each bar: its title and its article.</extracomment>
        <translation>义务已全部履行</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 1</source>
        <translation>《失信被执行人名单规定》第一条</translation>
    </message>
    <message>
        <source>Execution notice not served</source>
        <translation>执行通知书未送达</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 5 para. 1</source>
        <translation>《失信被执行人名单规定》第五条第一款</translation>
    </message>
    <message>
        <source>Execution notice served on or after its deadline</source>
        <translation>执行通知书送达时履行期限已届至</translation>
    </message>
    <message>
        <source>Performance period still running</source>
        <translation>履行期间尚未届满</translation>
    </message>
    <message>
        <source>2015 Provisions Art. 1; CPL Art. 251</source>
        <translation>《限制消费规定》第一条；《民事诉讼法》第二百五十一条</translation>
    </message>
    <message>
        <source>Grace period running</source>
        <translation>宽限期尚未届满</translation>
    </message>
    <message>
        <source>2019 Opinion item 15</source>
        <translation>《善意文明执行意见》第15条</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>未成年人</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 4</source>
        <translation>《失信被执行人名单规定》第四条</translation>
    </message>
    <message>
        <source>Student with a campus loan</source>
        <translation>涉校园贷的在校学生</translation>
    </message>
    <message>
        <source>2019 Opinion item 16</source>
        <translation>《善意文明执行意见》第16条</translation>
    </message>
    <message>
        <source>Sufficient and effective security</source>
        <translation>提供了充分有效担保</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 3 item (1)</source>
        <translation>《失信被执行人名单规定》第三条第（一）项</translation>
    </message>
    <message>
        <source>Sealed, seized or frozen property covers the debt</source>
        <translation>已查封、扣押、冻结的财产足以清偿债务</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 3 item (2)</source>
        <translation>《失信被执行人名单规定》第三条第（二）项</translation>
    </message>
    <message>
        <source>Later in the order of performance</source>
        <translation>履行顺序在后</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 3 item (3)</source>
        <translation>《失信被执行人名单规定》第三条第（三）项</translation>
    </message>
    <message>
        <source>Not able to perform</source>
        <translation>不具有履行能力</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 3 item (4)</source>
        <translation>《失信被执行人名单规定》第三条第（四）项</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <source>Principal responsible person</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <source>Directly responsible person</source>
        <translation>影响债务履行的直接责任人员</translation>
    </message>
    <message>
        <source>Actual controller</source>
        <translation>实际控制人</translation>
    </message>
    <message>
        <source>Direct service</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <source>Left at the residence</source>
        <translation>留置送达</translation>
    </message>
    <message>
        <source>Electronic service</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>Entrusted service</source>
        <translation>委托送达</translation>
    </message>
    <message>
        <source>Service by post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>Service by public announcement</source>
        <translation>公告送达</translation>
    </message>
    <message>
        <source>Bank deposit</source>
        <translation>银行存款</translation>
    </message>
    <message>
        <source>Real estate</source>
        <translation>不动产</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股权</translation>
    </message>
    <message>
        <source>Securities</source>
        <translation>有价证券</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收账款</translation>
    </message>
    <message>
        <source>Other property</source>
        <translation>其他财产</translation>
    </message>
    <message>
        <source>no measure taken</source>
        <translation>未采取控制措施</translation>
    </message>
    <message>
        <source>sealed</source>
        <translation>已查封</translation>
    </message>
    <message>
        <source>seized</source>
        <translation>已扣押</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>已冻结</translation>
    </message>
    <message>
        <source>Guarantee</source>
        <translation>保证</translation>
    </message>
    <message>
        <source>Mortgage</source>
        <translation>抵押</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>质押</translation>
    </message>
    <message>
        <source>Cash deposit</source>
        <translation>保证金</translation>
    </message>
    <message>
        <source>Other security</source>
        <translation>其他担保</translation>
    </message>
    <message>
        <source>Forged evidence</source>
        <translation>伪造证据</translation>
    </message>
    <message>
        <source>Violence or threats</source>
        <translation>暴力、威胁</translation>
    </message>
    <message>
        <source>False litigation</source>
        <translation>虚假诉讼</translation>
    </message>
    <message>
        <source>False arbitration</source>
        <translation>虚假仲裁</translation>
    </message>
    <message>
        <source>Concealing property</source>
        <translation>隐匿财产</translation>
    </message>
    <message>
        <source>Transferring property</source>
        <translation>转移财产</translation>
    </message>
    <message>
        <source>Breach of the property reporting system</source>
        <translation>违反财产报告制度</translation>
    </message>
    <message>
        <source>Breach of a consumption restriction order</source>
        <translation>违反限制消费令</translation>
    </message>
    <message>
        <source>Refusing to perform a settlement agreement</source>
        <translation>无正当理由拒不履行执行和解协议</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 5 para. 3</source>
        <extracomment>The articles the listing service records with each transition.</extracomment>
        <translation>《失信被执行人名单规定》第五条第三款</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 7</source>
        <translation>《失信被执行人名单规定》第七条</translation>
    </message>
    <message>
        <source>2017 Provisions Art. 5 para. 1; CPL 2023 Art. 251</source>
        <translation>《失信被执行人名单规定》第五条第一款；《民事诉讼法》（2023年）第二百五十一条</translation>
    </message>
    <message>
        <source>2015 Provisions Arts. 1, 3, 5</source>
        <translation>《限制消费规定》第一条、第三条、第五条</translation>
    </message>
    <message>
        <source>2017 Provisions Arts. 9-10</source>
        <translation>《失信被执行人名单规定》第九条、第十条</translation>
    </message>
    <message>
        <source>signing decisions (the court president signs)</source>
        <extracomment>What a refused permission would have allowed, for "your roles do not allow …".</extracomment>
        <translation>签发决定书（由院长签发）</translation>
    </message>
    <message>
        <source>preparing listing decisions</source>
        <translation>制作纳入决定书</translation>
    </message>
    <message>
        <source>recording service</source>
        <translation>记录送达</translation>
    </message>
    <message>
        <source>publishing listings</source>
        <translation>公布失信名单</translation>
    </message>
    <message>
        <source>changing the case</source>
        <translation>修改案件</translation>
    </message>
    <message>
        <source>viewing cases</source>
        <translation>查看案件</translation>
    </message>
    <message>
        <source>Reasons</source>
        <extracomment>Paths of the listing service's field errors, named for the reader.</extracomment>
        <translation>理由</translation>
    </message>
    <message>
        <source>Proportionality reason</source>
        <translation>限制范围说明</translation>
    </message>
    <message>
        <source>Restriction order</source>
        <translation>限制消费令</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>失信情形</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>纳入期限</translation>
    </message>
    <message>
        <source>Extension</source>
        <translation>延长期限</translation>
    </message>
    <message>
        <source>Grace period</source>
        <translation>宽限期</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签发</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Signed, NOT SERVED</source>
        <translation>已签发，尚未送达</translation>
    </message>
    <message>
        <source>Warned: grace until %1</source>
        <translation>已预警：宽限期至%1</translation>
    </message>
    <message>
        <source>Served, awaiting publication</source>
        <translation>已送达，待公布</translation>
    </message>
</context>
<context>
    <name>ListingTableModel</name>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>失信情形</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>纳入期限</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决定日期</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Grace until</source>
        <translation>宽限期至</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>公布日期</translation>
    </message>
</context>
<context>
    <name>ListingWorksheet</name>
    <message>
        <source>entity</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>natural person</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>The case could not be loaded: %1</source>
        <extracomment>The open questions, in the order they are asked.</extracomment>
        <translation>案件加载失败：%1</translation>
    </message>
    <message>
        <source>No consumption restriction: %1. The listing carries none (2015 Provisions Art. 1; 2017 Provisions Art. 3 item (3); 2019 Opinion item 16).</source>
        <translation>不得限制消费：%1。纳入决定不包含限制消费措施（《限制消费规定》第一条；《失信被执行人名单规定》第三条第（三）项；《善意文明执行意见》第16条）。</translation>
    </message>
    <message>
        <source>The current decision carries its own restriction order (see the Decisions page).</source>
        <translation>现有决定书已附限制消费令（见“失信名单”页面）。</translation>
    </message>
    <message>
        <source>No restriction order here: the respondent is not listable. A listed respondent must be restricted (2015 Provisions Art. 1 para. 2); without a listing a restriction is discretionary (Art. 1 para. 1) and is not ordered from this worksheet.</source>
        <translation>被执行人不符合纳入条件，此处不作出限制消费令。纳入失信名单的，应当限制消费（《限制消费规定》第一条第二款）；未纳入的，是否限制消费由法院裁量（第一条第一款），不在本审查表中决定。</translation>
    </message>
    <message>
        <source>Decision No. %1 with a warning awaits the president's signature; its grace period would end on %2.</source>
        <translation>第%1号决定（附预警）待院长签发；宽限期拟于%2届满。</translation>
    </message>
    <message>
        <source>Warned; grace ends on %2. Decision No. %1 is published after that unless the respondent performs in full.</source>
        <translation>已预警，宽限期于%2届满。届满时被执行人未全部履行的，公布第%1号决定。</translation>
    </message>
    <message>
        <source>Ground (1) is barred: %1.</source>
        <translation>第一条第（一）项被阻却：%1。</translation>
    </message>
    <message>
        <source>Listable on %1. Term: %2. No consumption restriction is available: %3.</source>
        <translation>可依%1纳入失信被执行人名单。纳入期限：%2。不得限制消费：%3。</translation>
    </message>
    <message>
        <source>Listable on %1. Term: %2. Consumption restriction: mandatory once listed.</source>
        <translation>可依%1纳入失信被执行人名单。纳入期限：%2。纳入后应当限制消费。</translation>
    </message>
    <message>
        <source>Not listable: %1 — found %2, but every ground is barred.</source>
        <translation>不得纳入：%1——虽存在%2情形，但均被阻却。</translation>
    </message>
    <message>
        <source>Not listable: no ground of Art. 1 is established on the record.</source>
        <translation>不得纳入：现有记录不能认定存在第一条规定的失信情形。</translation>
    </message>
    <message>
        <source>Bars: %1.</source>
        <translation>阻却情形：%1。</translation>
    </message>
    <message>
        <source>This respondent already has a decision (No. %1, %2, dated %3). A new one cannot be prepared while it stands.</source>
        <translation>该被执行人已有决定书（第%1号，%2，日期%3），在其有效期间不能另行制作。</translation>
    </message>
    <message>
        <source>none (not listable)</source>
        <translation>无（不得纳入）</translation>
    </message>
    <message>
        <source>No fixed term: ground (1) alone; the entry stays until a deletion ground of Art. 10 applies.</source>
        <translation>不设固定期限：仅有第一条第（一）项情形，至出现第十条规定的删除情形时删除。</translation>
    </message>
    <message>
        <source>%1 years from the decision date (Art. 2 para. 1)</source>
        <translation>自决定作出之日起%1年（第二条第一款）</translation>
    </message>
    <message>
        <source>An extension of 1 to 3 years is lawful only for serious violence or threats, or several dishonest acts (Art. 2 para. 1).</source>
        <translation>仅在以暴力、威胁方法妨碍、抗拒执行情节严重或具有多项失信行为时，方可延长一至三年（第二条第一款）。</translation>
    </message>
    <message>
        <source>Ground (1) stands together with a fixed-term ground: the rules do not settle whether the listing is open-ended. The 2-year term is proposed; decide and say so in the reasons.</source>
        <translation>第一条第（一）项与其他设有期限的情形并存，规定未明确是否不设期限。系统建议纳入期限为二年，请承办法官决定并在理由中写明。</translation>
    </message>
    <message>
        <source>A co-respondent's sealed, seized or frozen property covers the joint debt: decide whether it bars ground (1) for this respondent (2017 Provisions Art. 3 item (2)) and say so in the reasons.</source>
        <translation>共同被执行人已被查封、扣押、冻结的财产足以清偿共同债务：请决定是否据此阻却对本被执行人适用第一条第（一）项（《失信被执行人名单规定》第三条第（二）项），并在理由中写明。</translation>
    </message>
    <message>
        <source>until %1: decided but not published before then; performed in full by then, it is cancelled.</source>
        <translation>至%1：宽限期内已作出决定但暂不公布；届满前全部履行的，撤销该决定。</translation>
    </message>
    <message>
        <source>(no warning: published once served)</source>
        <translation>（不设宽限期：送达后即公布）</translation>
    </message>
    <message>
        <source>the case is still loading</source>
        <translation>案件仍在加载</translation>
    </message>
    <message>
        <source>your roles do not allow preparing listing decisions</source>
        <translation>您的角色无权制作纳入决定书</translation>
    </message>
    <message>
        <source>answer: %1</source>
        <translation>请认定：%1</translation>
    </message>
    <message>
        <source>this respondent already has a current decision</source>
        <translation>该被执行人已有有效的决定书</translation>
    </message>
    <message>
        <source>the respondent is not listable on this record</source>
        <translation>根据现有记录，被执行人不得纳入失信名单</translation>
    </message>
    <message>
        <source>the respondent is not listable as answered so far</source>
        <translation>根据目前的认定，被执行人不得纳入失信名单</translation>
    </message>
    <message>
        <source>state the reasons for the decision (Chinese)</source>
        <translation>请填写决定理由（中文）</translation>
    </message>
    <message>
        <source>able to perform</source>
        <translation>是否有履行能力</translation>
    </message>
    <message>
        <source>later in the order of performance</source>
        <translation>是否履行顺序在后</translation>
    </message>
    <message>
        <source>campus-loan student</source>
        <translation>是否涉校园贷的在校学生</translation>
    </message>
    <message>
        <source>serious violence or threats</source>
        <translation>是否以暴力、威胁方法妨碍执行情节严重</translation>
    </message>
    <message>
        <source>To submit: %1.</source>
        <translation>提交前须：%1。</translation>
    </message>
    <message>
        <source>Draft decision No. %1 submitted for the president's signature.</source>
        <translation>第%1号决定书草稿已提交院长签发。</translation>
    </message>
    <message>
        <source>Nothing was saved:</source>
        <translation>未保存任何内容：</translation>
    </message>
    <message>
        <source>Listing worksheet</source>
        <translation>纳入失信名单审查表</translation>
    </message>
    <message>
        <source>Listing worksheet — %1 · %2</source>
        <translation>纳入失信名单审查表——%1 · %2</translation>
    </message>
    <message>
        <source>&amp;Respondent:</source>
        <translation>被执行人(&amp;R)：</translation>
    </message>
    <message>
        <source>Decision &amp;date:</source>
        <translation>决定日期(&amp;D)：</translation>
    </message>
    <message>
        <source>The assessment is made as of this date; the decision takes effect on the day the president signs it.</source>
        <translation>按此日期进行审查；决定书自院长签发之日起生效。</translation>
    </message>
    <message>
        <source>Assessment and evidence</source>
        <translation>审查结果与证据</translation>
    </message>
    <message>
        <source>State and &amp;history</source>
        <translation>状态及变更记录(&amp;H)</translation>
    </message>
    <message>
        <source>Questions for the judge</source>
        <translation>待法官认定事项</translation>
    </message>
    <message>
        <source>&amp;Able to perform?</source>
        <translation>是否有履行能力(&amp;A)？</translation>
    </message>
    <message>
        <source>Ground (1) needs a finding that the respondent can perform; “no” bars it (2017 Provisions Arts. 1 and 3 item (4)).</source>
        <translation>依第一条第（一）项纳入，须认定被执行人有履行能力；认定为“否”的，阻却该项（《失信被执行人名单规定》第一条、第三条第（四）项）。</translation>
    </message>
    <message>
        <source>&amp;Later in the order of performance?</source>
        <translation>是否履行顺序在后(&amp;L)？</translation>
    </message>
    <message>
        <source>A respondent later in the order should not be enforced against yet; this bars ground (1) (Art. 3 item (3)).</source>
        <translation>履行顺序在后的被执行人，依法不应强制执行；此情形阻却第一条第（一）项（第三条第（三）项）。</translation>
    </message>
    <message>
        <source>Student with a &amp;campus loan?</source>
        <translation>是否涉校园贷的在校学生(&amp;C)？</translation>
    </message>
    <message>
        <source>A full-time student who became a debtor through a campus-loan dispute is generally neither listed nor restricted (2019 Opinion item 16); an exception needs your written reason below.</source>
        <translation>全日制在校生因“校园贷”纠纷成为被执行人的，一般不得纳入失信名单或限制消费（《善意文明执行意见》第16条）；例外情形须在下方书面说明理由。</translation>
    </message>
    <message>
        <source>For recorded violence or threats: allows the 2-year term to be extended by 1 to 3 years (Art. 2 para. 1). It does not replace a conduct record.</source>
        <translation>针对已记录的暴力、威胁行为：可将二年纳入期限延长一至三年（第二条第一款）。此项认定不能代替行为记录。</translation>
    </message>
    <message>
        <source>Serious &amp;violence or threats?</source>
        <translation>是否以暴力、威胁方法妨碍执行且情节严重(&amp;V)？</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Written reason for an exce&amp;ption:</source>
        <translation>例外理由(&amp;P)：</translation>
    </message>
    <message>
        <source>Only to list or restrict the student all the same</source>
        <translation>仅在仍对该学生纳入失信名单或限制消费时填写</translation>
    </message>
    <message>
        <source>Decision (决定书, 2017 Provisions Art. 5 para. 3)</source>
        <translation>纳入决定书（《失信被执行人名单规定》第五条第三款）</translation>
    </message>
    <message>
        <source>Grounds:</source>
        <translation>失信情形：</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>纳入期限：</translation>
    </message>
    <message>
        <source>E&amp;xtension (years):</source>
        <translation>延长期限（年）(&amp;X)：</translation>
    </message>
    <message>
        <source>Issue a &amp;warning with a grace period</source>
        <translation>发出预警并给予宽限期(&amp;W)</translation>
    </message>
    <message>
        <source>2019 Opinion item 15: 1 to 3 months during which the listing is decided but not published.</source>
        <translation>《善意文明执行意见》第15条：宽限期为一至三个月，期间已作出决定但暂不发布失信信息。</translation>
    </message>
    <message>
        <source>&amp;Months:</source>
        <translation>月数(&amp;M)：</translation>
    </message>
    <message>
        <source>Consumption restriction order (限制消费令, 2015 Provisions Arts. 1, 3, 5)</source>
        <translation>限制消费令（《限制消费规定》第一条、第三条、第五条）</translation>
    </message>
    <message>
        <source>Reasons for the decision</source>
        <translation>决定理由</translation>
    </message>
    <message>
        <source>Reasons in Chi&amp;nese (for the decision):</source>
        <translation>中文理由（用于决定书）(&amp;N)：</translation>
    </message>
    <message>
        <source>Reasons in En&amp;glish:</source>
        <translation>英文理由(&amp;G)：</translation>
    </message>
    <message>
        <source>Redraf&amp;t from the assessment</source>
        <translation>根据审查结果重新起草(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Submit for signature</source>
        <translation>提交院长签发(&amp;S)</translation>
    </message>
    <message>
        <source>Cl&amp;ose</source>
        <translation>关闭(&amp;O)</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in – courtapp</source>
        <translation>登录 – courtapp</translation>
    </message>
    <message>
        <source>This desk was locked because it was not used for a while. Log in to go on; another user may log in here too.</source>
        <translation>本机因一段时间无人操作已锁定。请登录后继续；其他用户也可在此登录。</translation>
    </message>
    <message>
        <source>Log in with your court user account.</source>
        <translation>请使用您的法院用户账户登录。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this user name is locked for a while. Please try again later.</source>
        <translation>密码错误次数过多，该用户名已被暂时锁定，请稍后再试。</translation>
    </message>
    <message>
        <source>Wrong user name or password. Please try again.</source>
        <translation>用户名或密码错误，请重新输入。</translation>
    </message>
    <message>
        <source>Could not log in: %1</source>
        <translation>无法登录：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <extracomment>Navigation: page key, label, and the permissions of which any one shows the page.</extracomment>
        <translation>今日事项</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>失信名单</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <source>Service counter</source>
        <translation>诉讼服务窗口</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Public list</source>
        <translation>公开名单</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>About courtapp</source>
        <translation>关于 courtapp</translation>
    </message>
    <message>
        <source>&lt;h3&gt;courtapp %1&lt;/h3&gt;&lt;p&gt;Case management for enforcement courts: the registry of enforcement cases, the list of dishonest judgment defaulters and consumption restrictions.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;courtapp %1&lt;/h3&gt;&lt;p&gt;执行案件管理系统：执行案件登记、失信被执行人名单及限制消费。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>courtapp – enforcement cases</source>
        <translation>courtapp – 执行案件管理</translation>
    </message>
    <message>
        <source>DEMO – sample data, not real cases</source>
        <translation>演示（DEMO）– 示例数据，非真实案件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Recent cases</source>
        <translation>最近打开的案件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Verify a document…</source>
        <translation>核验文书(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About courtapp</source>
        <translation>关于 courtapp(&amp;A)</translation>
    </message>
    <message>
        <source>Logged in: %1 · Roles: %2</source>
        <translation>当前用户：%1 · 角色：%2</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>NoticeSection</name>
    <message>
        <source>Execution notice</source>
        <translation>执行通知书</translation>
    </message>
    <message>
        <source>执行通知书 (CPL 2023 Art. 251). The notice must carry the risk warning about the list of dishonest judgment defaulters (2017 Provisions Art. 5 para. 1).</source>
        <translation>执行通知书（《民事诉讼法》第二百五十一条）。执行通知书应当载明有关纳入失信被执行人名单的风险提示等内容（《失信被执行人名单规定》第五条第一款）。</translation>
    </message>
    <message>
        <source>An execution notice has been issued</source>
        <translation>已发出执行通知书</translation>
    </message>
    <message>
        <source>(not served yet)</source>
        <translation>（尚未送达）</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Performance deadline</source>
        <translation>履行期限</translation>
    </message>
    <message>
        <source>Served on</source>
        <translation>送达日期</translation>
    </message>
    <message>
        <source>Method of service</source>
        <translation>送达方式</translation>
    </message>
    <message>
        <source>Leave “Served on” empty until the notice has actually been served; until then the case stands at “notice not yet served”.</source>
        <translation>执行通知书实际送达前，请将“送达日期”留空；在此之前，案件阶段为“执行通知未送达”。</translation>
    </message>
</context>
<context>
    <name>ObligationsSection</name>
    <message>
        <source>Obligations</source>
        <translation>给付义务</translation>
    </message>
    <message>
        <source>What the effective legal document orders the respondents to do. Amounts are in yuan with at most two decimal places (e.g. 50000 or 50,000.00).</source>
        <translation>生效法律文书确定被执行人履行的义务。金额以元为单位，最多保留两位小数（如 50000 或 50,000.00）。</translation>
    </message>
    <message>
        <source>Add obligation</source>
        <translation>添加义务</translation>
    </message>
    <message>
        <source>No obligations entered yet.</source>
        <translation>尚未填写义务。</translation>
    </message>
</context>
<context>
    <name>PagedList</name>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>%1 (%2 loaded; scroll for more)</source>
        <translation>%1（已载入 %2 条，向下滚动载入更多）</translation>
    </message>
    <message>
        <source>Not counted: %1</source>
        <translation>未能计数：%1</translation>
    </message>
</context>
<context>
    <name>PartiesSection</name>
    <message>
        <source>Parties</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>A party already registered in another case is offered as soon as its ID number, credit code or exact name is entered, so that one person record serves every case.</source>
        <translation>输入身份证号码、统一社会信用代码或准确的姓名/名称后，如该当事人已在其他案件中登记，系统会提示使用已有记录，使同一当事人在所有案件中只有一条记录。</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请执行人</translation>
    </message>
    <message>
        <source>Add applicant</source>
        <translation>添加申请执行人</translation>
    </message>
    <message>
        <source>Respondents</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Add respondent</source>
        <translation>添加被执行人</translation>
    </message>
    <message>
        <source>Remove party</source>
        <translation>删除当事人</translation>
    </message>
    <message>
        <source>Remove %1 from this case?</source>
        <translation>是否从本案中删除“%1”？</translation>
    </message>
</context>
<context>
    <name>PartyCard</name>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Remove this party from the case</source>
        <translation>从本案中删除该当事人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名/名称</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Public role (Art. 8)</source>
        <translation>特定身份（第八条）</translation>
    </message>
    <message>
        <source>A state functionary, NPC deputy or CPPCC member, or a state organ, public institution or state-owned enterprise: the court also notifies the body named here when the party is listed (2017 Provisions Art. 8).</source>
        <translation>当事人为国家工作人员、人大代表、政协委员，或为国家机关、事业单位、国有企业的，纳入失信名单时法院还应通报此处所列单位（《失信被执行人名单规定》第八条）。</translation>
    </message>
    <message>
        <source>Body to notify</source>
        <translation>应通报单位</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Add officer</source>
        <translation>添加相关人员</translation>
    </message>
    <message>
        <source>No officers recorded.</source>
        <translation>尚未填写相关人员。</translation>
    </message>
    <message>
        <source>Already registered: %1 %2 (cases: %3)</source>
        <translation>已登记：%1 %2（涉及%3件案件）</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号码</translation>
    </message>
    <message>
        <source>Use this record</source>
        <translation>使用此记录</translation>
    </message>
    <message>
        <source>Fill this party from the registered record, so that one person record serves every case</source>
        <translation>用已登记的记录填写该当事人，使同一当事人在所有案件中只有一条记录</translation>
    </message>
</context>
<context>
    <name>PaymentsSection</name>
    <message>
        <source>Payments and performance</source>
        <translation>履行情况</translation>
    </message>
    <message>
        <source>Each payment (an amount) or act of performance by a respondent. An act can name the non-monetary obligation it performs.</source>
        <translation>被执行人的每笔付款（金额）或履行行为。履行行为可注明其所履行的非金钱给付义务。</translation>
    </message>
    <message>
        <source>Add payment or act</source>
        <translation>添加付款或履行行为</translation>
    </message>
    <message>
        <source>Nothing performed yet.</source>
        <translation>尚无履行记录。</translation>
    </message>
</context>
<context>
    <name>PersonItems</name>
    <message>
        <source>Respondent: %1</source>
        <translation>被执行人：%1</translation>
    </message>
    <message>
        <source>Items of 2015 Provisions Art. 3 para. 1 (at least one).</source>
        <translation>《限制消费规定》第三条第一款所列事项（至少选择一项）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Bound by the entity's restriction (2015 Provisions Art. 3 para. 2); not listed personally.</source>
        <translation>受单位被执行人限制消费措施约束（《限制消费规定》第三条第二款），其本人不纳入失信名单。</translation>
    </message>
    <message>
        <source>Same items as the &amp;entity</source>
        <translation>与单位相同的限制事项(&amp;E)</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>This page will give statistics on cases, listings and performance for a period, for printing and export.</source>
        <translation>本页面将按期间统计案件、失信名单和履行情况，并支持打印和导出。</translation>
    </message>
    <message>
        <source>Not available yet.</source>
        <translation>该功能尚未提供。</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第%1页，共%2页…</translation>
    </message>
    <message>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>已向打印机发送%1页。</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>打印已取消。</translation>
    </message>
    <message>
        <source>Printing failed: %1</source>
        <translation>打印失败：%1</translation>
    </message>
    <message>
        <source>Preview – %1</source>
        <translation>预览 – %1</translation>
    </message>
    <message>
        <source>DRAFT – not issued</source>
        <translation>草稿 – 未签发</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一页</translation>
    </message>
    <message>
        <source>Previous page (PgUp)</source>
        <translation>上一页（PgUp）</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一页 ▶</translation>
    </message>
    <message>
        <source>Next page (PgDown)</source>
        <translation>下一页（PgDown）</translation>
    </message>
    <message>
        <source>P&amp;age</source>
        <translation>页(&amp;A)</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共%1页</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>整页显示(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>打印（Ctrl+P）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Print %1 page(s) on %2</source>
        <extracomment>Pages are rendered at the printer's resolution, but never finer than this. Rows of device pixels rendered at a time. How long ``lp`` may take to accept a job before the print run fails.</extracomment>
        <translation>打印 %1 页，纸张 %2</translation>
    </message>
    <message>
        <source>The print service did not accept the job within %1 s.</source>
        <translation>打印服务未在 %1 秒内接受该打印任务。</translation>
    </message>
    <message>
        <source>The print service refused the job (lp exit code %1).</source>
        <translation>打印服务拒绝了该打印任务（lp 退出码 %1）。</translation>
    </message>
</context>
<context>
    <name>PropertySection</name>
    <message>
        <source>Property found</source>
        <translation>财产查控</translation>
    </message>
    <message>
        <source>Property of the respondents found by the court. Sealed, seized or frozen property that covers the debt bars listing under Art. 1 item 1 (2017 Provisions Art. 3 item 2).</source>
        <translation>法院查明的被执行人财产。已查封、扣押、冻结的财产足以清偿债务的，不得依第一条第一项纳入失信名单（《失信被执行人名单规定》第三条第二项）。</translation>
    </message>
    <message>
        <source>Add property</source>
        <translation>添加财产</translation>
    </message>
    <message>
        <source>No property found yet.</source>
        <translation>尚未查明财产。</translation>
    </message>
</context>
<context>
    <name>PublicList</name>
    <message>
        <source>ID number / credit code</source>
        <translation>身份证号码/统一社会信用代码</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>执行法院</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>Outstanding (yuan)</source>
        <translation>未履行金额（元）</translation>
    </message>
    <message>
        <source>Last payment</source>
        <translation>最近一次履行</translation>
    </message>
</context>
<context>
    <name>PublicListPage</name>
    <message>
        <source>Public list of dishonest judgment defaulters</source>
        <translation>失信被执行人公开名单</translation>
    </message>
    <message>
        <source>Only published entries that are still on the list, with what 2017 Provisions Art. 6 allows the public to see: a natural person's ID number is masked in the middle, no address or telephone is shown.</source>
        <translation>仅显示已公布且仍在名单中的信息，内容以《最高人民法院关于公布失信被执行人名单信息的若干规定》第六条规定的事项为限：自然人身份证号码中间部分隐去，不显示住址、电话等信息。</translation>
    </message>
    <message>
        <source>Name, full ID number or credit code, or case number</source>
        <translation>姓名或名称、完整的身份证号码或统一社会信用代码、案号</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;More</source>
        <translation>更多(&amp;M)</translation>
    </message>
    <message>
        <source>Export the entries published from</source>
        <translation>导出公布日期自</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Type a name, an ID number or a case number.</source>
        <translation>请输入姓名、身份证号码或案号。</translation>
    </message>
    <message>
        <source>No published entry matches.</source>
        <translation>没有符合条件的公开名单信息。</translation>
    </message>
    <message>
        <source>%1 entries shown</source>
        <translation>已显示%1条</translation>
    </message>
    <message>
        <source>; more with “More”</source>
        <translation>；点击“更多”查看其余</translation>
    </message>
    <message>
        <source>Export the public list</source>
        <translation>导出公开名单</translation>
    </message>
    <message>
        <source>%1 entries written to %2.</source>
        <translation>已将%1条信息写入%2。</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Petitions to decide</source>
        <translation>待处理的申请</translation>
    </message>
    <message>
        <source>Soonest due first: a removal by its deletion deadline (3 working days from the day its ground was on record), the rest by the decision's. Red: overdue. * : provisional deadline (a year without holiday calendar, counted on weekdays only).</source>
        <translation>按期限先后排列：删除申请按删除期限（自删除事由记录在案之日起三个工作日），其他申请按答复期限。红色：已逾期。*：暂定期限（该年度节假日安排尚未录入，暂按周一至周五计算）。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>E&amp;vidence (Enter opens a file):</source>
        <translation>证据材料(&amp;V)（回车打开文件）：</translation>
    </message>
    <message>
        <source>Rea&amp;sons (required):</source>
        <translation>理由(&amp;S)（必填）：</translation>
    </message>
    <message>
        <source>The facts stated are &amp;verified</source>
        <translation>申请所述事实已经核实(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;New legal representative:</source>
        <translation>变更后的法定代表人(&amp;N)：</translation>
    </message>
    <message>
        <source>Corrected &amp;text:</source>
        <translation>更正后的内容(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Higher court (reconsideration):</source>
        <translation>上一级人民法院（复议）(&amp;H)：</translation>
    </message>
    <message>
        <source>What the entry should read</source>
        <translation>失信信息应更正为</translation>
    </message>
    <message>
        <source>I find the security genuine and &amp;effective although it does not cover everything outstanding</source>
        <translation>担保虽不足以清偿全部未履行义务，经审查认定确实有效(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Grant</source>
        <translation>准许(&amp;G)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>Record a &amp;payment…</source>
        <translation>登记履行款项(&amp;P)…</translation>
    </message>
    <message>
        <source>Show the &amp;document</source>
        <translation>查看文书(&amp;D)</translation>
    </message>
    <message>
        <source>Choose a petition in the queue.</source>
        <translation>请在列表中选择一项申请。</translation>
    </message>
    <message>
        <source>Petition</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>申请类型</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>法律依据</translation>
    </message>
    <message>
        <source>Petitioner</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Deletion due (R-R7)</source>
        <translation>删除期限</translation>
    </message>
    <message>
        <source>counted from %1, when the ground was on record</source>
        <translation>自%1（删除事由记录在案之日）起算</translation>
    </message>
    <message>
        <source>Decision due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <source>provisional: no calendar for %1</source>
        <translation>暂定：尚无%1年节假日安排</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Respondent's state</source>
        <translation>被执行人状态</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未履行金额</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>失信决定</translation>
    </message>
    <message>
        <source>Removal due</source>
        <translation>删除期限</translation>
    </message>
    <message>
        <source>Restrictions</source>
        <translation>限制消费项目</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>申请事项和理由</translation>
    </message>
    <message>
        <source>%1, value %2 yuan: covers %3 of the %4 yuan outstanding</source>
        <translation>%1，价值%2元：占尚未履行的%4元的%3</translation>
    </message>
    <message>
        <source>cannot secure %1 act(s) not performed</source>
        <translation>不能担保%1项未履行的行为义务</translation>
    </message>
    <message>
        <source>Security offered</source>
        <translation>提供的担保</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>申请详情</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>A decision states its reasons.</source>
        <translation>决定应当说明理由。</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已准许</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Document %1 issued.</source>
        <translation>已制作文书%1。</translation>
    </message>
    <message>
        <source>removal</source>
        <translation>删除失信信息</translation>
    </message>
    <message>
        <source>effect</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>%1 due by %2</source>
        <translation>%1期限：%2</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>（暂定）</translation>
    </message>
    <message>
        <source>Reconsideration may be applied for until %1.</source>
        <translation>可于%1前申请复议。</translation>
    </message>
</context>
<context>
    <name>RecordServiceDialog</name>
    <message>
        <source>Record service</source>
        <translation>记录送达</translation>
    </message>
    <message>
        <source>Service of the listing decision on %1 in %2 (signed %3).</source>
        <translation>向%1送达%2案的纳入决定书（%3签发）。</translation>
    </message>
    <message>
        <source>Served &amp;on:</source>
        <translation>送达日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>送达方式(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Record service</source>
        <translation>记录送达(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Document number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>Respondent</source>
        <translation>被执行人</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签发人</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>已被取代</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>送达</translation>
    </message>
    <message>
        <source>not served</source>
        <translation>未送达</translation>
    </message>
    <message>
        <source>every respondent</source>
        <translation>全体被执行人</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>被%1取代</translation>
    </message>
    <message>
        <source>Superseded by %1; the register keeps both.</source>
        <translation>已被%1取代；登记簿保留两份文书。</translation>
    </message>
    <message>
        <source>Corrects %1.</source>
        <translation>更正%1。</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Monthly statistics of the list</source>
        <translation>失信被执行人名单月度统计</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>统计月份(&amp;M)：</translation>
    </message>
    <message>
        <source>C&amp;ourt:</source>
        <translation>法院(&amp;O)：</translation>
    </message>
    <message>
        <source>All courts</source>
        <translation>全部法院</translation>
    </message>
    <message>
        <source>Refres&amp;h</source>
        <translation>刷新(&amp;H)</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Added: published in the month. Removed: taken off the public list in the month. Listed: on the list at the month's end. A person counts once per listing; the definitions are in docs/statistics.md.</source>
        <translation>新增：当月公布；移出：当月从公开名单中移出；在册：月末仍在名单中。每条失信记录计一人次；各项口径见 docs/statistics.md。</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Added against removed, last 12 months</source>
        <translation>近十二个月新增与移出</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Listed at each month's end: persons and entities</source>
        <translation>各月末在册：自然人与单位</translation>
    </message>
    <message>
        <source>Natural persons</source>
        <translation>自然人</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>法人及其他组织</translation>
    </message>
    <message>
        <source>No grace period ended this month</source>
        <translation>本月没有宽限期届满的预警</translation>
    </message>
    <message>
        <source>Grace periods ended this month: %1 of %2 performed</source>
        <translation>本月宽限期届满%2件，其中履行完毕%1件</translation>
    </message>
    <message>
        <source>Performed in grace, not published</source>
        <translation>宽限期内履行完毕，不予公布</translation>
    </message>
    <message>
        <source>Not performed: published or to publish</source>
        <translation>未履行，已公布或待公布</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV表格 (*.csv)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>The report was written to %1.</source>
        <translation>报表已写入%1。</translation>
    </message>
</context>
<context>
    <name>RestrictionEditor</name>
    <message>
        <source>tick at least one restriction item for the respondent (a listed respondent must be restricted)</source>
        <translation>为被执行人至少选择一项限制消费事项（纳入失信名单的应当限制消费）</translation>
    </message>
    <message>
        <source>give the reason for the restriction</source>
        <translation>填写限制消费的理由</translation>
    </message>
    <message>
        <source>write why all nine items are proportionate on this amount</source>
        <translation>书面说明对该金额适用全部九项限制的理由</translation>
    </message>
    <message>
        <source>the restriction cannot end before it starts</source>
        <translation>限制消费的截止日期不得早于起始日期</translation>
    </message>
    <message>
        <source>Proposed items: %1. %2</source>
        <translation>建议限制事项：%1。%2</translation>
    </message>
    <message>
        <source>Restore the &amp;proposal</source>
        <translation>恢复建议方案(&amp;P)</translation>
    </message>
    <message>
        <source>Restriction &amp;from:</source>
        <translation>限制起始日期(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>截止日期(&amp;U)：</translation>
    </message>
    <message>
        <source>Reason for the restr&amp;iction:</source>
        <translation>限制消费理由(&amp;I)：</translation>
    </message>
    <message>
        <source>All nine items on a small amount or a non-monetary obligation: a written reason is re&amp;quired (proportionality):</source>
        <translation>对小额债务或非金钱给付义务适用全部九项限制的，须书面说明理由（比例原则）(&amp;Q)：</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Judge</source>
        <translation>法官</translation>
    </message>
    <message>
        <source>Court president</source>
        <translation>院长</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>书记员</translation>
    </message>
    <message>
        <source>Service counter</source>
        <translation>诉讼服务窗口人员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>审计员</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SecuritySection</name>
    <message>
        <source>Security</source>
        <translation>担保</translation>
    </message>
    <message>
        <source>Security provided for the respondents. Sufficient and effective security bars listing under Art. 1 item 1 (2017 Provisions Art. 3 item 1).</source>
        <translation>为被执行人提供的担保。提供了充分有效担保的，不得依第一条第一项纳入失信名单（《失信被执行人名单规定》第三条第一项）。</translation>
    </message>
    <message>
        <source>Add security</source>
        <translation>添加担保</translation>
    </message>
    <message>
        <source>No security provided.</source>
        <translation>尚无担保。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>界面语言(&amp;L)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The interface switches language at once.</source>
        <translation>更改后界面语言立即生效。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up this desk – courtapp</source>
        <translation>本机设置 – courtapp</translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation>开始设置(&amp;S)</translation>
    </message>
    <message>
        <source>the local file %1</source>
        <translation>本机文件 %1</translation>
    </message>
    <message>
        <source>PostgreSQL %1 on %2:%3 as %4</source>
        <translation>%2:%3 上的 PostgreSQL 数据库 %1（用户 %4）</translation>
    </message>
    <message>
        <source>check the administrator %1</source>
        <translation>核对管理员 %1</translation>
    </message>
    <message>
        <source>create the administrator %1</source>
        <translation>创建管理员 %1</translation>
    </message>
    <message>
        <source>generate this desk's signing key</source>
        <translation>生成本机签名密钥</translation>
    </message>
    <message>
        <source>install the key file %1</source>
        <translation>安装密钥文件 %1</translation>
    </message>
    <message>
        <source>Court: %1 (%2)</source>
        <translation>法院：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Setting up… (the migrations may take a minute on a new server)</source>
        <translation>正在设置…（新服务器上的数据库迁移可能需要一分钟）</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>The set-up did not finish: %1</source>
        <translation>设置未完成：%1</translation>
    </message>
</context>
<context>
    <name>SignDecisionDialog</name>
    <message>
        <source>Sign the listing decision</source>
        <translation>签发纳入决定书</translation>
    </message>
    <message>
        <source>Listing decision (纳入失信被执行人名单决定书): %1</source>
        <translation>纳入失信被执行人名单决定书：%1</translation>
    </message>
    <message>
        <source>Signed by: %1 · takes effect on %2</source>
        <translation>签发人：%1 · 生效日期：%2</translation>
    </message>
    <message>
        <source>Signing makes the decision effective today (2017 Provisions Art. 5 para. 3). It must then be served on the parties: a decision signed but not served is not allowed (2019 Opinion item 14).</source>
        <translation>决定书自签发之日起生效（《失信被执行人名单规定》第五条第三款），签发后应当依法送达当事人，坚决杜绝只签发不送达（《善意文明执行意见》第14条）。</translation>
    </message>
    <message>
        <source>&amp;Sign the decision</source>
        <translation>签发(&amp;S)</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>Registered</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Notice not yet served</source>
        <translation>执行通知未送达</translation>
    </message>
    <message>
        <source>Performance period</source>
        <translation>履行期内</translation>
    </message>
    <message>
        <source>Overdue, nothing performed</source>
        <translation>逾期未履行</translation>
    </message>
    <message>
        <source>Overdue, partly performed</source>
        <translation>逾期部分履行</translation>
    </message>
    <message>
        <source>Performed</source>
        <translation>已履行完毕</translation>
    </message>
</context>
<context>
    <name>StateStrip</name>
    <message>
        <source>State:</source>
        <extracomment>Banner colours: text, background, border. The states in the order a respondent goes through them.</extracomment>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Respondent's state: %1</source>
        <translation>被执行人状态：%1</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <source>Finish sets up this desk: the database and its migrations, the administrator, the court and the signing key.</source>
        <translation>点击完成后将设置本机：数据库及其迁移、管理员、法院和签名密钥。</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>Total due</source>
        <extracomment>Rules that compare two dates: when one of them could not be read, the comparison says nothing and is not shown.</extracomment>
        <translation>应执行金额</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已履行金额</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未履行金额</translation>
    </message>
    <message>
        <source>Days past the deadline</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today, %1</source>
        <translation>今日事项（%1）</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>Open the &amp;ledger</source>
        <translation>打开送达台账(&amp;L)</translation>
    </message>
    <message>
        <source>Nothing is due or overdue for your roles today.</source>
        <translation>今天没有您需要处理的到期或逾期事项。</translation>
    </message>
    <message>
        <source>Top alert: removal not acknowledged</source>
        <translation>首要提醒：删除失信信息未获回执</translation>
    </message>
    <message>
        <source>Petitions to decide</source>
        <translation>待处理的申请</translation>
    </message>
    <message>
        <source>%1 – %2 – %3: due %4</source>
        <translation>%1 – %2 – %3：答复期限%4</translation>
    </message>
    <message>
        <source>OVERDUE by %1 working day(s)</source>
        <translation>已逾期%1个工作日</translation>
    </message>
    <message>
        <source>provisional deadline</source>
        <translation>期限暂定</translation>
    </message>
    <message>
        <source>Decisions to prepare</source>
        <translation>待制作的决定</translation>
    </message>
    <message>
        <source>Decisions to sign</source>
        <translation>待签发的决定</translation>
    </message>
    <message>
        <source>%1: listing decision %2 prepared by %3</source>
        <translation>%1：失信决定%2（%3拟制）</translation>
    </message>
    <message>
        <source>Notices to print and serve</source>
        <translation>待打印、送达的文书</translation>
    </message>
    <message>
        <source>Petitions in the queue</source>
        <extracomment>Where an item leads: (page key, reference). Page keys are the main window's, plus ``counter:intake``, ``counter:queue`` and ``counter:ledger``. The pending work per role, with counts (issue 12 §5). The clerk's other notices (the core's Today items: warnings due this week, petition decisions and restriction orders to serve). The count tiles: label (context ``TodayPage``) and where a click leads.</extracomment>
        <translation>待审查的申请</translation>
    </message>
    <message>
        <source>Listings to prepare</source>
        <translation>待审查的纳入申请</translation>
    </message>
    <message>
        <source>Grace periods ending this week</source>
        <translation>本周宽限期届满</translation>
    </message>
    <message>
        <source>Overdue items</source>
        <translation>已逾期事项</translation>
    </message>
    <message>
        <source>Listing decisions to sign</source>
        <translation>待签发的失信决定</translation>
    </message>
    <message>
        <source>Restriction orders to sign</source>
        <translation>待签发的限制消费令</translation>
    </message>
    <message>
        <source>Dispatches outstanding</source>
        <translation>未回执的推送</translation>
    </message>
    <message>
        <source>Receipts to issue</source>
        <translation>待出具的收件回执</translation>
    </message>
    <message>
        <source>Petition decisions awaiting service</source>
        <translation>待送达的申请决定</translation>
    </message>
    <message>
        <source>Listings ready to publish</source>
        <translation>可公布的失信名单</translation>
    </message>
    <message>
        <source>Dispatches past due</source>
        <translation>逾期未回执的推送</translation>
    </message>
    <message>
        <source>Holiday schedules missing</source>
        <translation>缺少的节假日安排</translation>
    </message>
    <message>
        <source>1 listing published</source>
        <translation>公布失信名单1条</translation>
    </message>
    <message>
        <source>%1 listings published</source>
        <translation>公布失信名单%1条</translation>
    </message>
    <message>
        <source>1 listing cancelled (performed during grace)</source>
        <translation>宽限期内履行完毕、不予公布1条</translation>
    </message>
    <message>
        <source>%1 listings cancelled (performed during grace)</source>
        <translation>宽限期内履行完毕、不予公布%1条</translation>
    </message>
    <message>
        <source>1 deleted at the end of its term</source>
        <translation>纳入期限届满删除1条</translation>
    </message>
    <message>
        <source>%1 deleted at the end of their term</source>
        <translation>纳入期限届满删除%1条</translation>
    </message>
    <message>
        <source>1 temporary permission ended</source>
        <translation>临时准许期满1项</translation>
    </message>
    <message>
        <source>%1 temporary permissions ended</source>
        <translation>临时准许期满%1项</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Daily run of %1: %2.</source>
        <translation>%1每日任务：%2。</translation>
    </message>
    <message>
        <source>Daily run of %1: nothing to publish or delete today.</source>
        <translation>%1每日任务：今日无可公布或删除的名单。</translation>
    </message>
    <message>
        <source>%1 signed decision(s) wait for service before they can be published</source>
        <translation>%1份已签发的决定待送达后方可公布</translation>
    </message>
    <message>
        <source>%1 petition(s) overdue</source>
        <translation>%1件申请逾期未决</translation>
    </message>
    <message>
        <source>%1 removal(s) not acknowledged in time</source>
        <translation>%1项删除未按期回执</translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <source>%1: the creditor's listing application %2 – decide by %3</source>
        <translation>%1：申请执行人的纳入申请（%2）——于%3前审查决定</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>%1: warning (decision No. %2) – grace ends on %3</source>
        <translation>%1：预警（第%2号决定）——宽限期于%3届满</translation>
    </message>
    <message>
        <source>not served yet</source>
        <translation>尚未送达</translation>
    </message>
    <message>
        <source>%1: listing decision %2 is signed but not served</source>
        <translation>%1：失信决定%2已签发未送达</translation>
    </message>
    <message>
        <source>%1: document %2 issued today – print and serve it</source>
        <translation>%1：文书%2今日已制作，请打印并送达</translation>
    </message>
    <message>
        <source>Documents issued today</source>
        <translation>今日已制作的文书</translation>
    </message>
    <message>
        <source>Acknowledgements to record</source>
        <translation>待登记的回执</translation>
    </message>
    <message>
        <source>%1 (%2), received %3: NO RECEIPT YET</source>
        <translation>%1（%2），%3收件：尚未出具回执</translation>
    </message>
    <message>
        <source>%1: serve %2 on %3</source>
        <translation>%1：向%3送达%2</translation>
    </message>
    <message>
        <source>Receipts of today</source>
        <translation>今日收件回执</translation>
    </message>
    <message>
        <source>%1 (%2): receipt %3</source>
        <translation>%1（%2）：收件回执%3</translation>
    </message>
    <message>
        <source>%1 (%2): NO RECEIPT YET</source>
        <translation>%1（%2）：尚未出具收件回执</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Dispatches not acknowledged</source>
        <translation>未获回执的送达事项</translation>
    </message>
    <message>
        <source>TOP ALERT – removal not acknowledged by any recipient:</source>
        <translation>首要提醒：删除失信信息后无任何接收方回执确认：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>其中%1项已逾期</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>&amp;User name:</source>
        <extracomment>Error line per field path; "" takes the messages no field claims.</extracomment>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>显示名称(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>确认密码(&amp;R)：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>letters, digits, '.' or '_'</source>
        <translation>字母、数字、“.”或“_”</translation>
    </message>
    <message>
        <source>e.g. 赵敏 (as shown on documents)</source>
        <translation>如：赵敏（显示在文书中）</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>至少 %1 个字符</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>The court's key could not be read: %1</source>
        <translation>无法读取法院密钥：%1</translation>
    </message>
    <message>
        <source>No court key is registered in this database yet (no document has been issued here), so nothing can be verified.</source>
        <translation>本数据库尚未登记法院密钥（尚未在此签发过文书），无法核验。</translation>
    </message>
    <message>
        <source>Paste or scan the text of the QR code first.</source>
        <translation>请先扫描或粘贴二维码的内容。</translation>
    </message>
    <message>
        <source>Open a PDF to verify</source>
        <translation>打开要核验的PDF文件</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>Verification failed: %1</source>
        <translation>核验失败：%1</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>无效</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not in this database's register.</source>
        <translation>不在本数据库的登记簿中。</translation>
    </message>
    <message>
        <source>In the register, but SUPERSEDED by %1: use the correction.</source>
        <translation>已登记，但已被%1取代：请以更正文书为准。</translation>
    </message>
    <message>
        <source>In the register; current (not superseded).</source>
        <translation>已登记，现行有效（未被取代）。</translation>
    </message>
    <message>
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <source>Checks a court document offline against the court's public key: the signed QR code printed on it, or the signed PDF file itself. One changed byte makes it invalid.</source>
        <translation>以法院公钥离线核验法院文书：文书上印制的签名二维码，或签名的PDF文件本身。改动任何一个字节都会导致核验无效。</translation>
    </message>
    <message>
        <source>&amp;QR code</source>
        <translation>二维码(&amp;Q)</translation>
    </message>
    <message>
        <source>PDF &amp;file</source>
        <translation>PDF文件(&amp;F)</translation>
    </message>
    <message>
        <source>Scanned or pasted QR text (it begins with CA1|):</source>
        <translation>扫描或粘贴的二维码内容（以CA1|开头）：</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>核验(&amp;V)</translation>
    </message>
    <message>
        <source>Open the PDF file of an issued document.</source>
        <translation>打开已签发文书的PDF文件。</translation>
    </message>
    <message>
        <source>&amp;Open PDF…</source>
        <translation>打开PDF(&amp;O)…</translation>
    </message>
    <message>
        <source>Document number:</source>
        <translation>文书编号：</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>案号：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>文书种类：</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>签发日期：</translation>
    </message>
    <message>
        <source>Register:</source>
        <translation>登记簿：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>execution notice served ({method:msg})</source>
        <translation>执行通知书已送达（{method:msg}）</translation>
    </message>
    <message>
        <source>listing decision signed</source>
        <translation>纳入决定书已签发</translation>
    </message>
    <message>
        <source>listing decision signed; grace until {grace_until}</source>
        <translation>纳入决定书已签发；宽限期至{grace_until}</translation>
    </message>
    <message>
        <source>fully performed during the grace period</source>
        <translation>宽限期内已全部履行</translation>
    </message>
    <message>
        <source>grace period ended without performance</source>
        <translation>宽限期届满仍未履行</translation>
    </message>
    <message>
        <source>signed and served</source>
        <translation>已签发并送达</translation>
    </message>
    <message>
        <source>imported from the court's previous system</source>
        <translation>从原系统导入</translation>
    </message>
    <message>
        <source>listing term ended on {end}</source>
        <translation>纳入期限已于{end}届满</translation>
    </message>
    <message>
        <source>removed by the court: {reasons}</source>
        <translation>依职权删除：{reasons}</translation>
    </message>
    <message>
        <source>petition {petition}: {reasons}</source>
        <translation>申请{petition}：{reasons}</translation>
    </message>
    <message>
        <source>information corrected: {correction} (petition {petition}: {reasons})</source>
        <translation>失信信息已更正：{correction}（申请{petition}：{reasons}）</translation>
    </message>
    <message>
        <source>petition {petition}: reconsideration granted by the higher court on {on}</source>
        <translation>申请{petition}：上一级人民法院于{on}决定复议成立</translation>
    </message>
    <message>
        <source>{text}</source>
        <translation>{text}</translation>
    </message>
    <message>
        <source>the document was not issued: {reason:msg} ({field}); issue it again once this is put right</source>
        <translation>文书未能制作：{reason:msg}（{field}），排除后请重新制作</translation>
    </message>
    <message>
        <source>the data the document needs are incomplete</source>
        <translation>制作文书所需的信息不完整</translation>
    </message>
    <message>
        <source>the decision is not signed</source>
        <translation>该决定尚未签发</translation>
    </message>
    <message>
        <source>the text could not be set (a character the font lacks)</source>
        <translation>文书无法排版（字体缺少所需字符）</translation>
    </message>
    <message>
        <source>the listing was not found</source>
        <translation>未找到该失信记录</translation>
    </message>
    <message>
        <source>the restriction order was not found</source>
        <translation>未找到该限制消费令</translation>
    </message>
    <message>
        <source>the listing decision is not signed</source>
        <translation>纳入失信名单决定尚未签发</translation>
    </message>
    <message>
        <source>no signed restriction is in force</source>
        <translation>没有已签发的限制消费措施</translation>
    </message>
    <message>
        <source>no item is lifted</source>
        <translation>没有已解除的限制消费项目</translation>
    </message>
    <message>
        <source>the listing is not removed</source>
        <translation>该失信记录尚未删除</translation>
    </message>
    <message>
        <source>no such respondent</source>
        <translation>没有该被执行人</translation>
    </message>
    <message>
        <source>the language is not available</source>
        <translation>不支持该语言</translation>
    </message>
    <message>
        <source>an unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>recorded by an earlier version: issuing the document again shows the cause</source>
        <translation>由旧版本记录：重新制作文书即可看到具体原因</translation>
    </message>
    <message>
        <source>{record} was changed by someone else since you opened it; nothing of yours was saved. Reload it and try again.</source>
        <translation>{record}在您打开后已被他人修改，您的修改未保存。请重新载入后再试。</translation>
    </message>
    <message>
        <source>{record} was changed by {user} at {at}; nothing of yours was saved. Reload it and try again.</source>
        <translation>{record}已被{user}于{at}修改，您的修改未保存。请重新载入后再试。</translation>
    </message>
    <message>
        <source>{record} was changed by someone else since you opened it; nothing of yours was saved. It has been reloaded: check it and try again.</source>
        <translation>{record}在您打开后已被他人修改，您的修改未保存。已重新载入，请核对后再试。</translation>
    </message>
    <message>
        <source>{record} was changed by {user} at {at}; nothing of yours was saved. It has been reloaded: check it and try again.</source>
        <translation>{record}已被{user}于{at}修改，您的修改未保存。已重新载入，请核对后再试。</translation>
    </message>
    <message>
        <source>another desk took the number {number} at the same moment; nothing was saved. Try again.</source>
        <translation>其他工作站同时占用了编号{number}，未保存任何内容。请重试。</translation>
    </message>
    <message>
        <source>the database is busy with other desks' changes; nothing was saved. Try again.</source>
        <translation>数据库正忙于处理其他工作站的修改，未保存任何内容。请重试。</translation>
    </message>
    <message>
        <source>this respondent already has a current listing</source>
        <translation>该被执行人已有有效的失信记录</translation>
    </message>
    <message>
        <source>this person already has this restriction item in force</source>
        <translation>该人员已有该项有效的限制消费措施</translation>
    </message>
    <message>
        <source>this case number is already registered</source>
        <translation>该案号已登记</translation>
    </message>
    <message>
        <source>the database cannot be reached or stopped answering; nothing was changed. Check the connection and try again.</source>
        <translation>无法连接数据库或数据库无响应，未作任何修改。请检查连接后重试。</translation>
    </message>
    <message>
        <source>the database refused the operation ({kind}); nothing was changed. The details are in the log file.</source>
        <translation>数据库拒绝了该操作（{kind}），未作任何修改。详情见日志文件。</translation>
    </message>
    <message>
        <source>direct service</source>
        <translation>直接送达</translation>
    </message>
    <message>
        <source>left at the residence</source>
        <translation>留置送达</translation>
    </message>
    <message>
        <source>electronic service</source>
        <translation>电子送达</translation>
    </message>
    <message>
        <source>entrusted service</source>
        <translation>委托送达</translation>
    </message>
    <message>
        <source>service by post</source>
        <translation>邮寄送达</translation>
    </message>
    <message>
        <source>service by public announcement</source>
        <translation>公告送达</translation>
    </message>
    <message>
        <source>method not recorded</source>
        <translation>方式未记录</translation>
    </message>
    <message>
        <source>no case {number}</source>
        <translation>没有案件{number}</translation>
    </message>
    <message>
        <source>no case {number}: not a valid case number</source>
        <translation>没有案件{number}：案号格式不正确</translation>
    </message>
    <message>
        <source>{command}: no such file: {path}</source>
        <translation>{command}：文件不存在：{path}</translation>
    </message>
</context>
</TS>