<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database was upgraded; a backup of the old one is at %1</source>
        <translation>数据库已升级，旧数据库的备份位于 %1</translation>
    </message>
</context>
<context>
    <name>CollectionPage</name>
    <message>
        <source>Object number</source>
        <translation>藏品编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title (second language)</source>
        <translation>名称（第二语言）</translation>
    </message>
    <message>
        <source>Maker</source>
        <translation>作者</translation>
    </message>
    <message>
        <source>Period / dynasty</source>
        <translation>时代/朝代</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>材质</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>藏品</translation>
    </message>
    <message>
        <source>Filter by object number, title or maker…</source>
        <translation>按藏品编号、名称或作者筛选…</translation>
    </message>
    <message>
        <source>Filter the collection</source>
        <translation>筛选藏品</translation>
    </message>
    <message>
        <source>Collection objects</source>
        <translation>藏品列表</translation>
    </message>
    <message>
        <source>Showing %1 of %2 objects</source>
        <translation>共 %2 件藏品，显示 %1 件</translation>
    </message>
    <message>
        <source>Objects: %1</source>
        <translation>共 %1 件藏品</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Edit connection</source>
        <translation>编辑连接</translation>
    </message>
    <message>
        <source>Add connection</source>
        <translation>添加连接</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>API version</source>
        <translation>API 版本</translation>
    </message>
    <message>
        <source>e.g. CURATOR_SHOP_TOKEN</source>
        <translation>例如 CURATOR_SHOP_TOKEN</translation>
    </message>
    <message>
        <source>Allow an unencrypted http:// address (trusted local network only)</source>
        <translation>允许未加密的 http:// 地址（仅限可信的局域网）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Token / key / password</source>
        <translation>令牌 / 密钥 / 密码</translation>
    </message>
    <message>
        <source>…or read it from the environment variable</source>
        <translation>…或从环境变量读取</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>直播间</translation>
    </message>
    <message>
        <source>Video ID</source>
        <translation>视频 ID</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店铺名</translation>
    </message>
    <message>
        <source>(built in — leave empty)</source>
        <translation>（内置——留空即可）</translation>
    </message>
    <message>
        <source>(from the shop name)</source>
        <translation>（由店铺名生成）</translation>
    </message>
    <message>
        <source>The built-in simulator needs no token.</source>
        <translation>内置模拟平台无需令牌。</translation>
    </message>
    <message>
        <source>This computer has no system keychain, so the token cannot be stored here. Put it in an environment variable and enter that variable&apos;s name.</source>
        <translation>这台电脑没有可用的系统钥匙串，无法在此保存令牌。请把令牌放入环境变量，并在此填写该变量的名称。</translation>
    </message>
    <message>
        <source>Leave the token empty to keep the one in the keychain.</source>
        <translation>令牌留空则保留钥匙串中已保存的令牌。</translation>
    </message>
    <message>
        <source>The token is kept in the system keychain, never in the database.</source>
        <translation>令牌保存在系统钥匙串中，绝不写入数据库。</translation>
    </message>
</context>
<context>
    <name>ConnectionsPanel</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Room / channel / shop</source>
        <translation>直播间 / 频道 / 店铺</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Remove the connection “%1” and its stored token?</source>
        <translation>删除连接“%1”及其保存的令牌？</translation>
    </message>
    <message>
        <source>Removed “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation>正在测试“%1”…</translation>
    </message>
    <message>
        <source>“%1” did not answer as expected: %2</source>
        <translation>“%1”未按预期响应：%2</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Room / channel / shop</source>
        <translation>直播间/频道/店铺</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>(built in)</source>
        <translation>（内置）</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Sessions run against a platform connection. The built-in simulated platform is used for rehearsals; sessions on real connections are marked LIVE.</source>
        <translation>每个场次都通过一个平台连接进行。彩排使用内置模拟平台；在真实连接上进行的场次标记为“直播”。</translation>
    </message>
    <message>
        <source>Platform connections</source>
        <translation>平台连接</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>场次</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Curator Console</source>
        <translation>Curator Console</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Curator Console — Demo museum</source>
        <translation>Curator Console — 演示博物馆</translation>
    </message>
    <message>
        <source>&amp;Back up database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Curator Console</source>
        <translation>关于 Curator Console(&amp;A)</translation>
    </message>
    <message>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>shared PostgreSQL</source>
        <translation>共享 PostgreSQL</translation>
    </message>
    <message>
        <source>local file</source>
        <translation>本地文件</translation>
    </message>
    <message>
        <source>Database: %1 (%2)</source>
        <translation>数据库：%1（%2）</translation>
    </message>
    <message>
        <source>Platform: built-in simulator (rehearsal)</source>
        <translation>平台：内置模拟器（彩排）</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <source>Back up the database into folder</source>
        <translation>选择数据库备份文件夹</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>About Curator Console</source>
        <translation>关于 Curator Console</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;Prepare, run and review curator-led live-stream tours.&lt;/p&gt;&lt;p&gt;Qt %3 · PySide6 %4 · Python %5 · SQLAlchemy %6&lt;br&gt;Database: %7 (schema %8)&lt;/p&gt;</source>
        <translation>&lt;h3&gt;%1 %2&lt;/h3&gt;&lt;p&gt;策划、主持并复盘由策展人讲解的直播导览。&lt;/p&gt;&lt;p&gt;Qt %3 · PySide6 %4 · Python %5 · SQLAlchemy %6&lt;br&gt;数据库：%7（架构版本 %8）&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Platforms</name>
    <message>
        <source>Built-in simulated platform</source>
        <translation>内置模拟平台</translation>
    </message>
    <message>
        <source>Live-commerce REST</source>
        <translation>直播电商 REST 接口</translation>
    </message>
    <message>
        <source>YouTube Live</source>
        <translation>YouTube 直播</translation>
    </message>
    <message>
        <source>Twitch</source>
        <translation>Twitch</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>OBS Studio</source>
        <translation>OBS Studio</translation>
    </message>
    <message>
        <source>Imported file</source>
        <translation>导入的文件</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>复盘</translation>
    </message>
    <message>
        <source>Sessions and their results</source>
        <translation>各场次及其数据</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>暂无场次。</translation>
    </message>
    <message>
        <source>Sessions: %1 · orders: %2 · revenue: %3</source>
        <translation>共 %1 场 · 订单 %2 笔 · 销售额 %3</translation>
    </message>
</context>
<context>
    <name>SessionColumns</name>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Peak viewers</source>
        <translation>在线人数峰值</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Platform connection</source>
        <translation>平台连接</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Default: the file in your data folder</source>
        <translation>默认：数据文件夹中的文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>A file path, or a shared database address such as postgresql+psycopg://user@server/museum. Now open: %1. A new location is used from the next start.</source>
        <translation>文件路径，或共享数据库地址，例如 postgresql+psycopg://user@server/museum。当前打开的是：%1。新位置将在下次启动时生效。</translation>
    </message>
    <message>
        <source>characters/min</source>
        <translation>字/分钟</translation>
    </message>
    <message>
        <source>words/min</source>
        <translation>词/分钟</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Chinese reading speed</source>
        <translation>中文朗读速度</translation>
    </message>
    <message>
        <source>English reading speed</source>
        <translation>英文朗读速度</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <source>Curator Console database (*.sqlite3 *.db);;All files (*)</source>
        <translation>Curator Console 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title (second language)</source>
        <translation>名称（第二语言）</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Linked objects</source>
        <translation>关联藏品</translation>
    </message>
    <message>
        <source>On sale</source>
        <translation>在售</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>文创商店</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Products: %1 · out of stock: %2</source>
        <translation>共 %1 件商品 · 缺货 %2 件</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>共 %1 件商品</translation>
    </message>
</context>
<context>
    <name>ToursPage</name>
    <message>
        <source>Tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开播时间</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>起始时间</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>藏品</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Overruns the slot by %1</source>
        <translation>超出时段 %1</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Segments of the selected tour</source>
        <translation>所选导览的环节</translation>
    </message>
    <message>
        <source>Select a tour to see its segments.</source>
        <translation>选择一个导览以查看其环节。</translation>
    </message>
    <message>
        <source>Planned %1 · speaking time %2 · no slot set</source>
        <translation>计划 %1 · 讲解时长 %2 · 未设定时段</translation>
    </message>
    <message>
        <source>Planned %1 · speaking time %2 · slot %3 — overruns the slot by %4</source>
        <translation>计划 %1 · 讲解时长 %2 · 时段 %3 — 超出时段 %4</translation>
    </message>
    <message>
        <source>Planned %1 · speaking time %2 · slot %3 — fits, %4 to spare</source>
        <translation>计划 %1 · 讲解时长 %2 · 时段 %3 — 可容纳，余 %4</translation>
    </message>
    <message>
        <source>Rename tour</source>
        <translation>重命名导览</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Could not complete the action</source>
        <translation>无法完成操作</translation>
    </message>
</context>
</TS>
