<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Database address</source>
        <translation>数据库地址</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>应用程序</translation>
    </message>
    <message>
        <source>Database engine</source>
        <translation>数据库引擎</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>数据库结构版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>About Curator Console</source>
        <translation>关于 Curator Console</translation>
    </message>
    <message>
        <source>Prepare, run and review curator-led live-stream tours.</source>
        <translation>策划、直播并复盘由策展人主讲的直播导览。</translation>
    </message>
    <message>
        <source>When you write to support, please include these facts: “Copy” puts them on the clipboard.</source>
        <translation>联系技术支持时，请附上以下信息：点击“复制”即可将其放到剪贴板。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy these facts as text, to paste into an email</source>
        <translation>将这些信息复制为文本，便于粘贴到邮件中</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
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
    <message>
        <source>Cannot open the live console</source>
        <translation>无法打开直播控制台</translation>
    </message>
</context>
<context>
    <name>BackgroundExport</name>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>BaselineChooser</name>
    <message>
        <source>Custom: %1</source>
        <translation>自定义：%1</translation>
    </message>
    <message>
        <source>Custom window…</source>
        <translation>自定义时段…</translation>
    </message>
    <message>
        <source>Same hours the day before</source>
        <translation>前一天同时段</translation>
    </message>
    <message>
        <source>Same hours a week before</source>
        <translation>一周前同时段</translation>
    </message>
    <message>
        <source>Average day of the previous 28 days</source>
        <translation>前 28 天日均</translation>
    </message>
    <message>
        <source>No baseline</source>
        <translation>不对比</translation>
    </message>
    <message>
        <source>Choose a period to compare with…</source>
        <translation>选择用于对比的时段…</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>对比基准</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Reset view</source>
        <translation>还原视图</translation>
    </message>
    <message>
        <source>Show the whole chart again</source>
        <translation>重新显示完整图表</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back to the previous view</source>
        <translation>返回上一个视图</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward to the next view</source>
        <translation>前进到下一个视图</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Move the chart with the left button, zoom with the right</source>
        <translation>按住左键拖动图表，按住右键缩放</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom into a rectangle drawn with the mouse</source>
        <translation>用鼠标框选区域放大</translation>
    </message>
    <message>
        <source>Save image</source>
        <translation>保存图片</translation>
    </message>
    <message>
        <source>Save this chart as an image</source>
        <translation>将此图表保存为图片</translation>
    </message>
    <message>
        <source>The chart cannot be shown: %1</source>
        <translation>无法显示图表：%1</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG images (*.png);;PDF documents (*.pdf);;SVG images (*.svg)</source>
        <translation>PNG 图片 (*.png);;PDF 文档 (*.pdf);;SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1: %2</source>
        <translation>无法将图表保存到 %1：%2</translation>
    </message>
</context>
<context>
    <name>CollectionPage</name>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
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
        <source>No image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 张图片</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 张图片</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>藏品</translation>
    </message>
    <message>
        <source>Search object number, title, maker, description, tags…  (Ctrl+F)</source>
        <translation>搜索藏品编号、名称、作者、描述、标签…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search the collection</source>
        <translation>搜索藏品</translation>
    </message>
    <message>
        <source>New object</source>
        <translation>新建藏品</translation>
    </message>
    <message>
        <source>Add a new object to the collection (Ctrl+N)</source>
        <translation>向藏品库添加一件新藏品（Ctrl+N）</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>找到 1 件</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>找到 %1 件</translation>
    </message>
    <message>
        <source>1 object</source>
        <translation>共 1 件藏品</translation>
    </message>
    <message>
        <source>%1 objects</source>
        <translation>共 %1 件藏品</translation>
    </message>
    <message>
        <source>New object %1</source>
        <translation>新建藏品 %1</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Delete objects</source>
        <translation>删除藏品</translation>
    </message>
    <message>
        <source>Select at most %1 objects to delete at once.</source>
        <translation>一次最多只能删除 %1 件藏品，请减少所选数量。</translation>
    </message>
    <message>
        <source>Delete the object %1?</source>
        <translation>删除藏品 %1？</translation>
    </message>
    <message>
        <source>Delete %1 objects?</source>
        <translation>删除 %1 件藏品？</translation>
    </message>
    <message>
        <source>It is used in 1 tour; it will be taken out of it.</source>
        <translation>它用于 1 个导览中，删除后将从该导览中移除。</translation>
    </message>
    <message>
        <source>They are used in %1 tours; they will be taken out of them.</source>
        <translation>它们用于 %1 个导览中，删除后将从这些导览中移除。</translation>
    </message>
    <message>
        <source>1 product links to it.</source>
        <translation>有 1 件商品关联了它。</translation>
    </message>
    <message>
        <source>%1 products link to them.</source>
        <translation>有 %1 件商品关联了它们。</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可以通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete %1 objects</source>
        <translation>删除 %1 件藏品</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
    <message>
        <source>Collection objects</source>
        <translation>藏品列表</translation>
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
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>%1 was changed by someone else after you opened it. Your change has not been saved. Choose which version to keep.</source>
        <translation>打开 %1 后，其他人修改了它。您的更改尚未保存，请选择要保留的版本。</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Their version (saved)</source>
        <translation>对方的版本（已保存）</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留对方的</translation>
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
        <source>This computer has no system keychain, so the token cannot be stored here. Put it in an environment variable and enter that variable's name.</source>
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
    <name>ConnectionsDialog</name>
    <message>
        <source>Platform connections</source>
        <translation>平台连接</translation>
    </message>
    <message>
        <source>Add a connection to go live on YouTube, Twitch or a live-commerce platform, to bring in your Shopify store's products and orders, or to switch OBS scenes from the live console. Tokens are kept in the system's keychain. Rehearsals need none of this: they run on the built-in simulator. Settings → Connections shows the same list later.</source>
        <translation>添加连接后，即可在 YouTube、Twitch 或直播电商平台开播，导入 Shopify 店铺的商品和订单，或在直播控制台中切换 OBS 场景。令牌保存在系统钥匙串中。彩排无需任何连接：它在内置模拟平台上进行。以后也可以在“设置 → 连接”中看到同一列表。</translation>
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
    <name>ConsolePanel</name>
    <message>
        <source>Session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>在线人数</translation>
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
        <source>Latest orders</source>
        <translation>最新订单</translation>
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
        <source>No objects in this segment.</source>
        <translation>本环节没有藏品。</translation>
    </message>
    <message>
        <source>No products in this segment.</source>
        <translation>本环节没有商品。</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一环节</translation>
    </message>
    <message>
        <source>Next segment ▶</source>
        <translation>下一环节 ▶</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Teleprompter window…</source>
        <translation>提词器窗口…</translation>
    </message>
    <message>
        <source>Autopilot</source>
        <translation>自动推进</translation>
    </message>
    <message>
        <source>Move to the next segment when the planned time is up</source>
        <translation>计划时长用完后自动进入下一环节</translation>
    </message>
    <message>
        <source>End session…</source>
        <translation>结束场次…</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>next segment</source>
        <translation>下一环节</translation>
    </message>
    <message>
        <source>previous</source>
        <translation>上一环节</translation>
    </message>
    <message>
        <source>feature product</source>
        <translation>推荐商品</translation>
    </message>
    <message>
        <source>marker</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>marker with text</source>
        <translation>带文字的标记</translation>
    </message>
    <message>
        <source>pause / resume</source>
        <translation>暂停/继续</translation>
    </message>
    <message>
        <source>teleprompter window</source>
        <translation>提词器窗口</translation>
    </message>
    <message>
        <source>full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <source>pause scrolling</source>
        <translation>暂停滚动</translation>
    </message>
    <message>
        <source>larger type</source>
        <translation>放大字号</translation>
    </message>
    <message>
        <source>smaller type</source>
        <translation>缩小字号</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Session ended</source>
        <translation>场次已结束</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Ready — press Next to start the first segment</source>
        <translation>准备就绪——按“下一环节”开始第一个环节</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1 · segment %2 of %3</source>
        <translation>%1 · 第 %2 个环节，共 %3 个</translation>
    </message>
    <message>
        <source>%1 · %2× speed</source>
        <translation>%1 · %2 倍速</translation>
    </message>
    <message>
        <source>%1 · autopilot</source>
        <translation>%1 · 自动推进</translation>
    </message>
    <message>
        <source>%1 · markers: %2</source>
        <translation>%1 · 标记：%2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Start the first segment ▶</source>
        <translation>开始第一个环节 ▶</translation>
    </message>
    <message>
        <source>%1 behind</source>
        <translation>落后 %1</translation>
    </message>
    <message>
        <source>%1 ahead</source>
        <translation>提前 %1</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation>尚未开始</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>Next: — (last segment)</source>
        <translation>下一环节：—（已是最后一个环节）</translation>
    </message>
    <message>
        <source>Next: %1 (%2)</source>
        <translation>下一环节：%1（%2）</translation>
    </message>
    <message>
        <source>%1  %2 × %3  %4</source>
        <translation>%1  %2 × %3  %4</translation>
    </message>
</context>
<context>
    <name>CustomWindowDialog</name>
    <message>
        <source>Custom baseline</source>
        <translation>自定义基准</translation>
    </message>
    <message>
        <source>Compare the session with a period of your choice</source>
        <translation>将本场与自选时段进行对比</translation>
    </message>
    <message>
        <source>The session's orders are compared with all the orders of this period, as they are (not scaled to the session's length). Times are in the museum's time zone (%1); the end is not included.</source>
        <translation>本场的订单将与该时段内的全部订单直接对比（不按场次时长折算）。时间以博物馆所在时区（%1）为准，不含结束时刻。</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>开始时间(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Until:</source>
        <translation>结束时间(&amp;U)：</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
</context>
<context>
    <name>DocumentLabels</name>
    <message>
        <source>Run of show</source>
        <translation>流程单</translation>
    </message>
    <message>
        <source>Cue cards</source>
        <translation>提词卡</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开播时间</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>No slot set</source>
        <translation>未设置时段</translation>
    </message>
    <message>
        <source>Planned total</source>
        <translation>计划总时长</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>讲解时长</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
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
        <source>Planned %1 against a slot of %2</source>
        <comment>%1 planned total, %2 the slot (durations)</comment>
        <translation>计划时长 %1，时段 %2</translation>
    </message>
    <message>
        <source>overruns the slot by %1</source>
        <translation>超出时段 %1</translation>
    </message>
    <message>
        <source>fits with %1 to spare</source>
        <translation>未超时，尚余 %1</translation>
    </message>
    <message>
        <source>Planned %1; no slot set</source>
        <translation>计划时长 %1；未设置时段</translation>
    </message>
    <message>
        <source>Speaking time ≈ %1</source>
        <translation>讲解时长 ≈ %1</translation>
    </message>
    <message>
        <source>longer than planned</source>
        <translation>超出计划时长</translation>
    </message>
    <message>
        <source>Starts at %1</source>
        <comment>%1 the offset from the tour's start</comment>
        <translation>%1 开始</translation>
    </message>
    <message>
        <source>Planned %1</source>
        <comment>%1 a duration</comment>
        <translation>计划时长 %1</translation>
    </message>
    <message>
        <source>Segment %1 of %2</source>
        <translation>第 %1 个环节，共 %2 个</translation>
    </message>
    <message>
        <source>OBS scene: %1</source>
        <translation>OBS 场景：%1</translation>
    </message>
    <message>
        <source>list %1</source>
        <comment>the catalogue price beside a live price</comment>
        <translation>原价 %1</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>未定价</translation>
    </message>
    <message>
        <source>no image</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>No script yet.</source>
        <translation>尚无讲稿。</translation>
    </message>
    <message>
        <source>This tour has no segments yet.</source>
        <translation>此导览尚无环节。</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <comment>%1 a segment title</comment>
        <translation>%1（续）</translation>
    </message>
    <message>
        <source>Continued on the next page</source>
        <translation>续下页</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Session review</source>
        <translation>场次复盘</translation>
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
        <source>Live</source>
        <comment>a session's mode</comment>
        <translation>直播</translation>
    </message>
    <message>
        <source>Rehearsal</source>
        <comment>a session's mode</comment>
        <translation>彩排</translation>
    </message>
    <message>
        <source>Session</source>
        <comment>the label above a session's date and time in the review report</comment>
        <translation>场次</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>No baseline chosen</source>
        <translation>未选择基准</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>the same hours the day before</source>
        <comment>what a session is compared with, after 'against'</comment>
        <translation>前一天同时段</translation>
    </message>
    <message>
        <source>the day before</source>
        <comment>what a session is compared with, after 'compared with'</comment>
        <translation>前一天</translation>
    </message>
    <message>
        <source>the same hours a week before</source>
        <comment>what a session is compared with, after 'against'</comment>
        <translation>一周前同时段</translation>
    </message>
    <message>
        <source>the week before</source>
        <comment>what a session is compared with, after 'compared with'</comment>
        <translation>一周前</translation>
    </message>
    <message>
        <source>an average day of the 28 days before</source>
        <comment>what a session is compared with, after 'against'</comment>
        <translation>前 28 天的日均</translation>
    </message>
    <message>
        <source>the 28-day average</source>
        <comment>what a session is compared with, after 'compared with'</comment>
        <translation>28 天日均</translation>
    </message>
    <message>
        <source>the whole of %1</source>
        <comment>%1 a date range, e.g. 2026-02-01 – 2026-02-28</comment>
        <translation>%1 全期</translation>
    </message>
    <message>
        <source>Revenue %1 from %2 orders (%3 units)</source>
        <comment>%1 an amount of money, %2 orders, %3 units</comment>
        <translation>销售额 %1，共 %2 笔订单（%3 件）</translation>
    </message>
    <message>
        <source>%1 orders (%2 units); revenue cannot be added up: %3</source>
        <comment>%1 orders, %2 units, %3 why (a sentence)</comment>
        <translation>%1 笔订单（%2 件）；销售额无法合计：%3</translation>
    </message>
    <message>
        <source>Sales rose %1% against %2</source>
        <comment>%1 a percentage (the number only), %2 the baseline</comment>
        <translation>销售额较%2增长 %1%</translation>
    </message>
    <message>
        <source>Sales fell %1% against %2</source>
        <comment>%1 a percentage (the number only), %2 the baseline</comment>
        <translation>销售额较%2下降 %1%</translation>
    </message>
    <message>
        <source>Sales were level with %1</source>
        <comment>%1 the baseline</comment>
        <translation>销售额与%1持平</translation>
    </message>
    <message>
        <source>Doubled compared with %1</source>
        <comment>%1 the baseline (short form)</comment>
        <translation>较%1翻了一番</translation>
    </message>
    <message>
        <source>%1 times %2</source>
        <comment>%1 a multiple, %2 the baseline: '60 times the whole of February'</comment>
        <translation>是%2的 %1 倍</translation>
    </message>
    <message>
        <source>New sales: the baseline sold nothing</source>
        <translation>新增销售：基准期无销售</translation>
    </message>
    <message>
        <source>No sales in the session or the baseline</source>
        <translation>本场与基准期均无销售</translation>
    </message>
    <message>
        <source>Peak %1 viewers, average %2; %3 orders per 1,000 peak viewers</source>
        <comment>%1 peak viewers, %2 average viewers, %3 orders per 1,000 peak viewers</comment>
        <translation>在线人数峰值 %1，平均 %2；每千名峰值观众下单 %3 笔</translation>
    </message>
    <message>
        <source>Peak %1 viewers, average %2</source>
        <comment>%1 peak viewers, %2 average viewers</comment>
        <translation>在线人数峰值 %1，平均 %2</translation>
    </message>
    <message>
        <source>No viewer counts were recorded</source>
        <translation>未记录在线人数</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>本场</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
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
        <source>Peak viewers</source>
        <translation>在线人数峰值</translation>
    </message>
    <message>
        <source>Average viewers</source>
        <translation>平均在线人数</translation>
    </message>
    <message>
        <source>Orders per 1,000 peak viewers</source>
        <translation>每千名峰值观众订单数</translation>
    </message>
    <message>
        <source>new</source>
        <comment>the change in a table cell when the baseline sold nothing</comment>
        <translation>新增</translation>
    </message>
    <message>
        <source>Viewers and orders per minute</source>
        <translation>每分钟在线人数与订单数</translation>
    </message>
    <message>
        <source>Viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <comment>%1 a time zone name</comment>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>Time since the start</source>
        <translation>开始后经过时间</translation>
    </message>
    <message>
        <source>No viewer counts recorded</source>
        <translation>未记录在线人数</translation>
    </message>
    <message>
        <source>No orders in this session</source>
        <translation>本场无订单</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Revenue per product (%1)</source>
        <comment>%1 a currency code</comment>
        <translation>各商品销售额（%1）</translation>
    </message>
    <message>
        <source>Units per product (revenue cannot be added up)</source>
        <translation>各商品销量（销售额无法合计）</translation>
    </message>
    <message>
        <source>Others (%1 products)</source>
        <comment>%1 how many products</comment>
        <translation>其他（%1 件商品）</translation>
    </message>
    <message>
        <source>Baseline (%1)</source>
        <comment>%1 the baseline (short form)</comment>
        <translation>基准（%1）</translation>
    </message>
    <message>
        <source>Cumulative revenue (%1)</source>
        <comment>%1 a currency code</comment>
        <translation>累计销售额（%1）</translation>
    </message>
    <message>
        <source>Cumulative units (revenue cannot be added up)</source>
        <translation>累计销量（销售额无法合计）</translation>
    </message>
    <message>
        <source>Sessions side by side</source>
        <translation>历场对比</translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <comment>%1 a currency code</comment>
        <translation>销售额（%1）</translation>
    </message>
    <message>
        <source>No sessions to compare</source>
        <translation>没有可对比的场次</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Baseline units</source>
        <translation>基准销量</translation>
    </message>
    <message>
        <source>Baseline revenue (%1)</source>
        <comment>%1 a currency code</comment>
        <translation>基准销售额（%1）</translation>
    </message>
    <message>
        <source>Change (%)</source>
        <translation>变化（%）</translation>
    </message>
    <message>
        <source>Featured (seconds)</source>
        <translation>推荐时长（秒）</translation>
    </message>
    <message>
        <source>Units while featured</source>
        <translation>推荐期间销量</translation>
    </message>
    <message>
        <source>Revenue while featured (%1)</source>
        <comment>%1 a currency code</comment>
        <translation>推荐期间销售额（%1）</translation>
    </message>
    <message>
        <source>Units/min featured</source>
        <translation>推荐时每分钟销量</translation>
    </message>
    <message>
        <source>Units/min otherwise</source>
        <translation>其余时间每分钟销量</translation>
    </message>
    <message>
        <source>#</source>
        <comment>the column of segment numbers</comment>
        <translation>序号</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>时长（秒）</translation>
    </message>
    <message>
        <source>Minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>No products sold.</source>
        <translation>没有售出商品。</translation>
    </message>
    <message>
        <source>No segments were recorded.</source>
        <translation>未记录任何环节。</translation>
    </message>
</context>
<context>
    <name>ExchangeRatesDialog</name>
    <message>
        <source>Exchange rates</source>
        <translation>汇率</translation>
    </message>
    <message>
        <source>Add up the revenue in one currency</source>
        <translation>以单一币种合计销售额</translation>
    </message>
    <message>
        <source>Some orders are not in %1. Give the rate for each other currency: how much %1 one unit is worth. The rates are used for this session until you close the app; they are not saved.</source>
        <translation>部分订单不是以 %1 计价。请填写其他各币种的汇率：1 单位该币种折合多少 %1。这些汇率在关闭应用前一直有效，不会保存。</translation>
    </message>
    <message>
        <source>1 %1 =</source>
        <translation>1 %1 =</translation>
    </message>
    <message>
        <source>e.g. 7.10</source>
        <translation>例如 7.10</translation>
    </message>
    <message>
        <source>Not a positive number: %1</source>
        <translation>不是正数：%1</translation>
    </message>
</context>
<context>
    <name>FetchMissingImages</name>
    <message>
        <source>Fetching missing images</source>
        <translation>正在获取缺失的图片</translation>
    </message>
    <message>
        <source>Downloading the images not in the media store yet…</source>
        <translation>正在下载媒体库中尚未保存的图片…</translation>
    </message>
    <message>
        <source>Missing images</source>
        <translation>缺失的图片</translation>
    </message>
    <message>
        <source>There was nothing to download: every image is in the media store already.</source>
        <translation>无需下载：所有图片都已在媒体库中。</translation>
    </message>
    <message>
        <source>The images could not be downloaded: %1</source>
        <translation>无法下载图片：%1</translation>
    </message>
</context>
<context>
    <name>FetchProgressDialog</name>
    <message>
        <source>Fetching the session's orders…</source>
        <translation>正在拉取本场订单…</translation>
    </message>
    <message>
        <source>Fetching the baseline's orders (period %1 of %2)…</source>
        <translation>正在拉取基准期订单（第 %1 期，共 %2 期）…</translation>
    </message>
    <message>
        <source>%1 new orders · %2 already here</source>
        <translation>新订单 %1 笔 · 已有 %2 笔</translation>
    </message>
</context>
<context>
    <name>FileImport</name>
    <message>
        <source>Import collection file</source>
        <translation>导入藏品文件</translation>
    </message>
    <message>
        <source>Collection files (*.csv *.tsv *.txt *.json *.jsonld)</source>
        <translation>藏品文件 (*.csv *.tsv *.txt *.json *.jsonld)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>JSON files and IIIF manifests (*.json *.jsonld)</source>
        <translation>JSON 文件和 IIIF 清单 (*.json *.jsonld)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Importing “%1”…</source>
        <translation>正在导入“%1”…</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>“%1” cannot be imported: %2</source>
        <translation>无法导入“%1”：%2</translation>
    </message>
    <message>
        <source>The mapping cannot be used: %1</source>
        <translation>无法使用该字段映射：%1</translation>
    </message>
    <message>
        <source>The import of “%1” failed, so nothing was changed: %2</source>
        <translation>“%1”导入失败，未做任何更改：%2</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter:</source>
        <translation>筛选：</translation>
    </message>
    <message>
        <source>Objects with or without images</source>
        <translation>按有无图片筛选藏品</translation>
    </message>
    <message>
        <source>Culture, period or dynasty</source>
        <translation>文化、时代或朝代</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Period or dynasty filter</source>
        <translation>时代/朝代筛选</translation>
    </message>
    <message>
        <source>Classification filter</source>
        <translation>类别筛选</translation>
    </message>
    <message>
        <source>Tag filter</source>
        <translation>标签筛选</translation>
    </message>
    <message>
        <source>Image filter</source>
        <translation>图片筛选</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>全部时代</translation>
    </message>
    <message>
        <source>All classifications</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>With or without images</source>
        <translation>有无图片均可</translation>
    </message>
    <message>
        <source>With images</source>
        <translation>有图片</translation>
    </message>
    <message>
        <source>Without images</source>
        <translation>无图片</translation>
    </message>
</context>
<context>
    <name>FirstRun</name>
    <message>
        <source>The database has content now, so the workspaces are open. Help → Getting started shows the guided path again.</source>
        <translation>数据库中已有内容，已为你打开工作区。“帮助 → 快速入门”可再次显示引导步骤。</translation>
    </message>
    <message>
        <source>Open the demo museum</source>
        <translation>打开演示博物馆</translation>
    </message>
    <message>
        <source>A live session is open. Close the live console before opening the demo museum.</source>
        <translation>有一场直播正在进行。请先关闭直播控制台，再打开演示博物馆。</translation>
    </message>
    <message>
        <source>Opening the demo museum…</source>
        <translation>正在打开演示博物馆…</translation>
    </message>
    <message>
        <source>Could not open the demo museum</source>
        <translation>无法打开演示博物馆</translation>
    </message>
    <message>
        <source>The demo museum is open (%1). Your own database is unchanged; the next start opens it again.</source>
        <translation>演示博物馆已打开（%1）。你自己的数据库保持不变，下次启动时会重新打开它。</translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>&amp;Getting started</source>
        <translation>快速入门(&amp;G)</translation>
    </message>
    <message>
        <source>The first steps, from an empty database to your first rehearsal</source>
        <translation>从空数据库到第一次彩排的入门步骤</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Every key of the main window and the live console</source>
        <translation>主窗口和直播控制台的全部按键</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <source>How to prepare, run and review a tour, step by step</source>
        <translation>一步步了解如何策划、直播和复盘一场导览</translation>
    </message>
</context>
<context>
    <name>IiifManifestDialog</name>
    <message>
        <source>Import IIIF manifest</source>
        <translation>导入 IIIF 清单</translation>
    </message>
    <message>
        <source>Import a IIIF manifest</source>
        <translation>导入 IIIF 清单</translation>
    </message>
    <message>
        <source>Paste the address of a IIIF Presentation manifest (version 2 or 3). The object it describes is imported with its images.</source>
        <translation>粘贴 IIIF Presentation 清单（第 2 或第 3 版）的地址。清单所描述的藏品将连同图片一起导入。</translation>
    </message>
    <message>
        <source>Manifest &amp;address:</source>
        <translation>清单地址(&amp;A)：</translation>
    </message>
    <message>
        <source>Address of the IIIF manifest</source>
        <translation>IIIF 清单的地址</translation>
    </message>
    <message>
        <source>Allow an unencrypted http:// address (trusted local network only)</source>
        <translation>允许未加密的 http:// 地址（仅限可信的局域网）</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Enter the manifest's web address, starting with https://.</source>
        <translation>请输入以 https:// 开头的清单网址。</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Fetching the IIIF manifest…</source>
        <translation>正在获取 IIIF 清单…</translation>
    </message>
    <message>
        <source>The manifest was not imported. %1</source>
        <translation>清单未导入。%1</translation>
    </message>
</context>
<context>
    <name>ImageFetchDialog</name>
    <message>
        <source>Object number</source>
        <translation>藏品编号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Image address</source>
        <translation>图片地址</translation>
    </message>
    <message>
        <source>Missing images</source>
        <translation>缺失的图片</translation>
    </message>
    <message>
        <source>Downloading missing images finished</source>
        <translation>缺失图片下载完成</translation>
    </message>
    <message>
        <source>Downloading missing images was cancelled</source>
        <translation>缺失图片下载已取消</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>已下载</translation>
    </message>
    <message>
        <source>could not be downloaded</source>
        <translation>无法下载</translation>
    </message>
    <message>
        <source>left for later</source>
        <translation>留待以后</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>A server asked for a pause (%1), so the remaining images were not tried. Run “Fetch missing images” again later.</source>
        <translation>服务器要求暂停（%1），因此其余图片未尝试下载。请稍后再次运行“获取缺失的图片”。</translation>
    </message>
    <message>
        <source>The images not downloaded yet stay in the list; run “Fetch missing images” again to get them.</source>
        <translation>尚未下载的图片会保留在列表中；再次运行“获取缺失的图片”即可下载。</translation>
    </message>
    <message>
        <source>The images below keep their web address, so they can be tried again later.</source>
        <translation>以下图片保留了网址，之后可以再次尝试下载。</translation>
    </message>
    <message>
        <source>Images that could not be downloaded</source>
        <translation>无法下载的图片</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>&amp;Import collection file…</source>
        <translation>导入藏品文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import objects from a CSV or JSON file or a IIIF manifest file.</source>
        <translation>从 CSV、JSON 文件或 IIIF 清单文件导入藏品。</translation>
    </message>
    <message>
        <source>Import from &amp;online collections…</source>
        <translation>从在线馆藏导入(&amp;O)…</translation>
    </message>
    <message>
        <source>Search The Met or the Art Institute of Chicago and import objects with their images.</source>
        <translation>搜索大都会艺术博物馆或芝加哥艺术博物馆，并连同图片导入藏品。</translation>
    </message>
    <message>
        <source>Import II&amp;IF manifest…</source>
        <translation>导入 II&amp;IF 清单…</translation>
    </message>
    <message>
        <source>Import the object a IIIF manifest describes, by its web address.</source>
        <translation>通过网址导入 IIIF 清单所描述的藏品。</translation>
    </message>
    <message>
        <source>&amp;Fetch missing images</source>
        <translation>获取缺失的图片(&amp;F)</translation>
    </message>
    <message>
        <source>Download the images that are only linked so far into the media store.</source>
        <translation>把目前仅有链接的图片下载到媒体库。</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Object number</source>
        <translation>藏品编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Alternative title</source>
        <translation>其他名称</translation>
    </message>
    <message>
        <source>Maker / artist</source>
        <translation>作者/艺术家</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>文化</translation>
    </message>
    <message>
        <source>Period / dynasty</source>
        <translation>时代/朝代</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>年代</translation>
    </message>
    <message>
        <source>Begin year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>End year</source>
        <translation>结束年份</translation>
    </message>
    <message>
        <source>Medium / material</source>
        <translation>材质/材料</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Credit line</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>流传经历</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Alternative description</source>
        <translation>其他描述</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>版权</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Source link</source>
        <translation>来源链接</translation>
    </message>
    <message>
        <source>Public domain (yes / no)</source>
        <translation>公有领域（是/否）</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Whole row</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Shopify handle (groups variants)</source>
        <translation>Shopify 商品标识（用于归并款式）</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Status (on sale / draft / archived)</source>
        <translation>状态（在售/草稿/已归档）</translation>
    </message>
    <message>
        <source>Store link</source>
        <translation>商店链接</translation>
    </message>
    <message>
        <source>Linked objects (object numbers)</source>
        <translation>关联藏品（藏品编号）</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Ordered at (date and time)</source>
        <translation>下单时间（日期和时间）</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 is asking for fewer requests right now. Wait about %2, then try again.</source>
        <translation>%1 当前要求减少请求次数。请等待约 %2 后重试。</translation>
    </message>
    <message>
        <source>%1 is asking for fewer requests right now. Wait a minute, then try again.</source>
        <translation>%1 当前要求减少请求次数。请等待一分钟后重试。</translation>
    </message>
    <message>
        <source>%1 cannot be reached at the moment (%2). Check the internet connection and try again in a few minutes.</source>
        <translation>暂时无法连接 %1（%2）。请检查网络连接，几分钟后重试。</translation>
    </message>
    <message>
        <source>%1 refused the request (%2).</source>
        <translation>%1 拒绝了请求（%2）。</translation>
    </message>
    <message>
        <source>The address is not encrypted (http://), so it was not opened: %1</source>
        <translation>该地址未加密（http://），因此未打开：%1</translation>
    </message>
    <message>
        <source>%1 answered in a way Curator Console did not understand (%2). Try again later.</source>
        <translation>%1 返回了 Curator Console 无法识别的内容（%2）。请稍后重试。</translation>
    </message>
</context>
<context>
    <name>LiveConsole</name>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>REHEARSAL</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>%1 — %2 — Live console</source>
        <translation>%1 — %2 — 直播控制台</translation>
    </message>
    <message>
        <source>%1 — Live console</source>
        <translation>%1 — 直播控制台</translation>
    </message>
    <message>
        <source>Marker added.</source>
        <translation>已添加标记。</translation>
    </message>
    <message>
        <source>Marker</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>What happened here? (shown in the review)</source>
        <translation>这里发生了什么？（将显示在复盘中）</translation>
    </message>
    <message>
        <source>End the session?</source>
        <translation>结束场次？</translation>
    </message>
    <message>
        <source>End the session now? The console stops recording viewers and orders, and the session cannot be continued afterwards.</source>
        <translation>要立即结束场次吗？控制台将停止记录在线人数和订单，结束后该场次无法再继续。</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>结束场次</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>继续进行</translation>
    </message>
    <message>
        <source>The session is still running</source>
        <translation>场次仍在进行中</translation>
    </message>
    <message>
        <source>End the session now, or close the console and leave the session unfinished? An unfinished session can be resumed from the Live page.</source>
        <translation>要立即结束场次，还是关闭控制台并保留未完成的场次？未完成的场次可在“直播”页面继续。</translation>
    </message>
    <message>
        <source>End session and close</source>
        <translation>结束场次并关闭</translation>
    </message>
    <message>
        <source>Close, resume later</source>
        <translation>关闭，稍后继续</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
        <source>&amp;Start session…</source>
        <translation>开始场次(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Resume session</source>
        <translation>继续场次(&amp;R)</translation>
    </message>
    <message>
        <source>Carry on with the selected unfinished session</source>
        <translation>继续所选的未完成场次</translation>
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
    <name>LiveStatus</name>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Retrying in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>正在重试</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>自 %1 起离线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1（%2）：</translation>
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
        <source>Restore from bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
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
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restoring from a backup works on a database file only. %1 is a shared database server: ask its administrator to restore it.</source>
        <translation>只能从备份恢复数据库文件。%1 是共享数据库服务器：请联系其管理员进行恢复。</translation>
    </message>
    <message>
        <source>A live session is open. Close the live console before restoring the database.</source>
        <translation>有直播场次正在进行。请先关闭直播控制台，再恢复数据库。</translation>
    </message>
    <message>
        <source>Replace the database %1 with the backup %2 (made %3, %4)?

Everything in the database now is replaced by what the backup holds. A copy of the database as it is now is kept in %5 first.</source>
        <translation>用备份 %2（%3，%4）替换数据库 %1？

数据库中的现有内容将全部被备份中的内容取代。替换前，会先把数据库当前的副本保存在 %5。</translation>
    </message>
    <message>
        <source>Could not restore the backup</source>
        <translation>无法恢复备份</translation>
    </message>
    <message>
        <source>Restored from %1</source>
        <translation>已从 %1 恢复</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <source>The database now holds the backup %1.

The database as it was before is kept at %2.</source>
        <translation>数据库现在的内容来自备份 %1。

恢复前的数据库保存在 %2。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Curator Console does not know this column's name, so it is not imported unless you choose a field.</source>
        <translation>Curator Console 无法识别此列的名称，除非你为它选择字段，否则不会导入。</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>GB18030 (GBK, GB2312)</source>
        <translation>GB18030（GBK、GB2312）</translation>
    </message>
    <message>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <source>Big5 (Traditional Chinese)</source>
        <translation>Big5（繁体中文）</translation>
    </message>
    <message>
        <source>Shift JIS (Japanese)</source>
        <translation>Shift JIS（日文）</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252（西欧）</translation>
    </message>
    <message>
        <source>ISO-8859-1 (Latin-1)</source>
        <translation>ISO-8859-1（Latin-1）</translation>
    </message>
    <message>
        <source>Comma ( , )</source>
        <translation>逗号（,）</translation>
    </message>
    <message>
        <source>Semicolon ( ; )</source>
        <translation>分号（;）</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Vertical bar ( | )</source>
        <translation>竖线（|）</translation>
    </message>
    <message>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Import collection file</source>
        <translation>导入藏品文件</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>编码(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>分隔符(&amp;D)：</translation>
    </message>
    <message>
        <source>Saved &amp;mapping:</source>
        <translation>已保存的映射(&amp;M)：</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>&amp;Reject the whole file if any row has a problem</source>
        <translation>任何一行有问题即拒绝整个文件(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Text encoding of the file</source>
        <translation>文件的文本编码</translation>
    </message>
    <message>
        <source>Column delimiter</source>
        <translation>列分隔符</translation>
    </message>
    <message>
        <source>Saved mapping</source>
        <translation>已保存的映射</translation>
    </message>
    <message>
        <source>Store &amp;connection:</source>
        <translation>文创商店连接(&amp;C)：</translation>
    </message>
    <message>
        <source>The store connection the orders belong to</source>
        <translation>订单所属的文创商店连接</translation>
    </message>
    <message>
        <source>Orders are stored once per connection and order ID: an order this connection holds already (imported before, or synced from the store) is not stored again.</source>
        <translation>同一连接下相同订单号的订单只保存一次：该连接中已有的订单（之前导入过，或已从文创商店同步）不会重复保存。</translation>
    </message>
    <message>
        <source>Save the mapping under a name</source>
        <translation>命名并保存映射</translation>
    </message>
    <message>
        <source>Delete the chosen saved mapping</source>
        <translation>删除所选的已保存映射</translation>
    </message>
    <message>
        <source>The first rows of the file</source>
        <translation>文件的前几行</translation>
    </message>
    <message>
        <source>Off: rows with problems are skipped and listed in the report. On: nothing is imported when any row has a problem.</source>
        <translation>关闭：跳过有问题的行并在报告中列出。开启：只要有一行有问题，就不导入任何内容。</translation>
    </message>
    <message>
        <source>A CSV file. Encoding: %1. Delimiter: %2. The first %3 rows are shown.</source>
        <translation>CSV 文件。编码：%1。分隔符：%2。显示前 %3 行。</translation>
    </message>
    <message>
        <source>A IIIF manifest: one object, with the fields shown below.</source>
        <translation>IIIF 清单：一件藏品，字段如下所示。</translation>
    </message>
    <message>
        <source>A JSON file. The first %1 objects are shown.</source>
        <translation>JSON 文件。显示前 %1 件藏品。</translation>
    </message>
    <message>
        <source>A IIIF manifest is read as it is; there is nothing to map.</source>
        <translation>IIIF 清单按原样读取，无需映射字段。</translation>
    </message>
    <message>
        <source>Choose the field each column fills (above each column). Columns marked ⚠ have names Curator Console does not know: they are ignored unless you choose a field.</source>
        <translation>请在每列上方选择该列对应的字段。标有 ⚠ 的列名称无法识别：除非为其选择字段，否则将被忽略。</translation>
    </message>
    <message>
        <source>%1 (detected)</source>
        <translation>%1（自动检测）</translation>
    </message>
    <message>
        <source>(none: the automatic mapping)</source>
        <translation>（无：使用自动映射）</translation>
    </message>
    <message>
        <source>Reading the connections…</source>
        <translation>正在读取连接…</translation>
    </message>
    <message>
        <source>“%1” (a new connection for imported orders)</source>
        <translation>“%1”（用于导入订单的新连接）</translation>
    </message>
    <message>
        <source>Choose the store the orders come from…</source>
        <translation>选择订单来源的文创商店…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Field for the column “%1”</source>
        <translation>“%1”列对应的字段</translation>
    </message>
    <message>
        <source>The field the column “%1” fills</source>
        <translation>“%1”列填入的字段</translation>
    </message>
    <message>
        <source>Reading the file again…</source>
        <translation>正在重新读取文件…</translation>
    </message>
    <message>
        <source>No column is mapped to SKU. Choose the column that holds each product's SKU (the code products are matched by).</source>
        <translation>没有列映射到 SKU。请选择包含各商品 SKU 的列（商品按此编码匹配）。</translation>
    </message>
    <message>
        <source>No column is mapped to Order ID. Choose the column that holds each order's ID (the rows of one order share it, and orders already stored are recognised by it).</source>
        <translation>没有列映射到“订单号”。请选择包含各订单订单号的列（同一订单的各行共用该订单号，已保存的订单也据此识别）。</translation>
    </message>
    <message>
        <source>No column is mapped to: %1. Choose the column for each.</source>
        <translation>以下字段没有映射列：%1。请为每个字段选择对应的列。</translation>
    </message>
    <message>
        <source>Choose the store connection the orders belong to.</source>
        <translation>请选择订单所属的文创商店连接。</translation>
    </message>
    <message>
        <source>No column is mapped to Object number. Choose the column that holds each object's number (the number objects are matched by).</source>
        <translation>没有列映射到“藏品编号”。请选择包含藏品编号的列（导入时按编号匹配藏品）。</translation>
    </message>
    <message>
        <source>Not imported (marked ⚠): %1</source>
        <translation>不导入（标有 ⚠）：%1</translation>
    </message>
    <message>
        <source>The file cannot be read this way: %1</source>
        <translation>无法按此方式读取文件：%1</translation>
    </message>
    <message>
        <source>The connections cannot be read: %1</source>
        <translation>无法读取连接：%1</translation>
    </message>
    <message>
        <source>The saved mappings cannot be read: %1</source>
        <translation>无法读取已保存的映射：%1</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存映射</translation>
    </message>
    <message>
        <source>Name of the mapping (for example the system the file comes from):</source>
        <translation>映射名称（例如文件来源的系统）：</translation>
    </message>
    <message>
        <source>Replace the saved mapping?</source>
        <translation>替换已保存的映射？</translation>
    </message>
    <message>
        <source>A mapping named “%1” exists already. Replace it with this one?</source>
        <translation>已存在名为“%1”的映射。要用当前映射替换它吗？</translation>
    </message>
    <message>
        <source>The mapping “%1” was saved.</source>
        <translation>映射“%1”已保存。</translation>
    </message>
    <message>
        <source>The mapping was not saved: %1</source>
        <translation>映射未保存：%1</translation>
    </message>
    <message>
        <source>Delete the saved mapping?</source>
        <translation>删除已保存的映射？</translation>
    </message>
    <message>
        <source>Delete the saved mapping “%1”? Files already imported are not affected.</source>
        <translation>删除已保存的映射“%1”？已导入的文件不受影响。</translation>
    </message>
</context>
<context>
    <name>MinuteChart</name>
    <message>
        <source>Viewers</source>
        <translation>在线人数</translation>
    </message>
    <message>
        <source>Orders per minute</source>
        <translation>每分钟订单数</translation>
    </message>
    <message>
        <source>Viewers and orders per minute</source>
        <translation>每分钟在线人数与订单数</translation>
    </message>
</context>
<context>
    <name>ObjectEditor</name>
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
        <source>Culture</source>
        <translation>文化</translation>
    </message>
    <message>
        <source>Period / dynasty</source>
        <translation>时代/朝代</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>年代</translation>
    </message>
    <message>
        <source>Begin year</source>
        <translation>起始年份</translation>
    </message>
    <message>
        <source>End year</source>
        <translation>结束年份</translation>
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
        <source>Dimensions</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Description (second language)</source>
        <translation>描述（第二语言）</translation>
    </message>
    <message>
        <source>Credit line</source>
        <translation>来源说明</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>版权</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>流传经历</translation>
    </message>
    <message>
        <source>e.g. 1426</source>
        <translation>如 1426</translation>
    </message>
    <message>
        <source>e.g. 1435</source>
        <translation>如 1435</translation>
    </message>
    <message>
        <source>Years (from, to)</source>
        <translation>年份（起止）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Required, unique in the museum</source>
        <translation>必填，馆内唯一</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>藏品</translation>
    </message>
    <message>
        <source>Credit, rights and provenance</source>
        <translation>来源、版权与流传</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Add a tag and press Enter…</source>
        <translation>输入标签后按回车添加…</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>No tags yet.</source>
        <translation>暂无标签。</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Images of the object</source>
        <translation>藏品图片</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Make primary</source>
        <translation>设为主图</translation>
    </message>
    <message>
        <source>Move the image earlier</source>
        <translation>将图片前移</translation>
    </message>
    <message>
        <source>Move the image later</source>
        <translation>将图片后移</translation>
    </message>
    <message>
        <source>The first image is the primary one. Drag thumbnails to reorder; drop image files here to add them.</source>
        <translation>第一张为主图。拖动缩略图可调整顺序；把图片文件拖到这里即可添加。</translation>
    </message>
    <message>
        <source>Used in</source>
        <translation>使用情况</translation>
    </message>
    <message>
        <source>Products linked to this object</source>
        <translation>关联此藏品的商品</translation>
    </message>
    <message>
        <source>Link product…</source>
        <translation>关联商品…</translation>
    </message>
    <message>
        <source>Link shop products to this object</source>
        <translation>将文创商店的商品关联到此藏品</translation>
    </message>
    <message>
        <source>Tours that show this object</source>
        <translation>展示此藏品的导览</translation>
    </message>
    <message>
        <source>Object editor</source>
        <translation>藏品编辑器</translation>
    </message>
    <message>
        <source>No object selected</source>
        <translation>未选择藏品</translation>
    </message>
    <message>
        <source>This object no longer exists.</source>
        <translation>该藏品已不存在。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The object number cannot be empty.</source>
        <translation>藏品编号不能为空。</translation>
    </message>
    <message>
        <source>Another object already has the number “%1”.</source>
        <translation>已有其他藏品使用编号“%1”。</translation>
    </message>
    <message>
        <source>Enter a whole number of years, e.g. 1426, or -1200 for 1200 BC.</source>
        <translation>请输入整数年份，如 1426；公元前 1200 年请输入 -1200。</translation>
    </message>
    <message>
        <source>Enter a year between -%1 and %1.</source>
        <translation>请输入 -%1 到 %1 之间的年份。</translation>
    </message>
    <message>
        <source>Someone else changed this object after you opened it. It has been read again; please make your change again.</source>
        <translation>在你打开后，其他人修改了这件藏品。已重新读取，请再次进行修改。</translation>
    </message>
    <message>
        <source>This object has been deleted (perhaps by someone else).</source>
        <translation>这件藏品已被删除（可能是其他人删除的）。</translation>
    </message>
    <message>
        <source>Remove the tag “%1”</source>
        <translation>移除标签“%1”</translation>
    </message>
    <message>
        <source>Add tag “%1” to %2</source>
        <translation>为 %2 添加标签“%1”</translation>
    </message>
    <message>
        <source>Remove tag “%1” from %2</source>
        <translation>移除 %2 的标签“%1”</translation>
    </message>
    <message>
        <source>Primary image</source>
        <translation>主图</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Add an image to %1</source>
        <translation>为 %1 添加图片</translation>
    </message>
    <message>
        <source>Add %1 images to %2</source>
        <translation>为 %2 添加 %1 张图片</translation>
    </message>
    <message>
        <source>Not added: %1 — %2</source>
        <translation>未添加：%1 — %2</translation>
    </message>
    <message>
        <source>Remove an image from %1</source>
        <translation>移除 %1 的一张图片</translation>
    </message>
    <message>
        <source>Reorder the images of %1</source>
        <translation>调整 %1 的图片顺序</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 (segment: %2)</source>
        <translation>%1（环节：%2）</translation>
    </message>
    <message>
        <source>Link products to %1</source>
        <translation>为 %1 关联商品</translation>
    </message>
</context>
<context>
    <name>ObjectPickerDialog</name>
    <message>
        <source>Add objects</source>
        <translation>添加藏品</translation>
    </message>
</context>
<context>
    <name>ObjectSearchPanel</name>
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
        <source>Already added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Search object number, title, maker, tags…</source>
        <translation>搜索藏品编号、名称、作者、标签…</translation>
    </message>
    <message>
        <source>Search objects</source>
        <translation>搜索藏品</translation>
    </message>
    <message>
        <source>Objects found</source>
        <translation>找到的藏品</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>The first %1 matches; type more to narrow the search.</source>
        <translation>仅显示前 %1 条结果；请输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <source>No object matches.</source>
        <translation>没有匹配的藏品。</translation>
    </message>
    <message>
        <source>The collection is empty.</source>
        <translation>藏品库为空。</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>找到 1 件</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>找到 %1 件</translation>
    </message>
    <message>
        <source>1 object</source>
        <translation>共 1 件藏品</translation>
    </message>
    <message>
        <source>%1 objects</source>
        <translation>共 %1 件藏品</translation>
    </message>
</context>
<context>
    <name>OnlineSources</name>
    <message>
        <source>The Met</source>
        <translation>大都会艺术博物馆</translation>
    </message>
    <message>
        <source>Art Institute of Chicago</source>
        <translation>芝加哥艺术博物馆</translation>
    </message>
    <message>
        <source>The IIIF server</source>
        <translation>IIIF 服务器</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>导入已取消</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>导入已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>The import did not work, so nothing was changed. %1</source>
        <translation>导入未成功，未做任何更改。%1</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>OnlineSourcesDialog</name>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Artist / maker</source>
        <translation>艺术家/作者</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>年代</translation>
    </message>
    <message>
        <source>Object number</source>
        <translation>藏品编号</translation>
    </message>
    <message>
        <source>Import from online collections</source>
        <translation>从在线馆藏导入</translation>
    </message>
    <message>
        <source>Search a museum's open collection, tick the objects you want, and import them with their images. Objects already in your collection (same object number) are updated.</source>
        <translation>搜索博物馆的开放馆藏，勾选需要的藏品，连同图片一起导入。藏品库中已有的藏品（藏品编号相同）将被更新。</translation>
    </message>
    <message>
        <source>&amp;Museum:</source>
        <translation>博物馆(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Search for:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>e.g. lotus, blue and white, Monet</source>
        <translation>如 lotus、blue and white、Monet</translation>
    </message>
    <message>
        <source>Searc&amp;h</source>
        <translation>搜索(&amp;H)</translation>
    </message>
    <message>
        <source>Only objects &amp;with images</source>
        <translation>仅显示有图片的藏品(&amp;W)</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ 上一页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>下一页(&amp;N) ▶</translation>
    </message>
    <message>
        <source>C&amp;lear ticks</source>
        <translation>清除勾选(&amp;L)</translation>
    </message>
    <message>
        <source>Museum to search</source>
        <translation>要搜索的博物馆</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>搜索词</translation>
    </message>
    <message>
        <source>Search results; press Space to tick or untick an object</source>
        <translation>搜索结果；按空格键勾选或取消勾选藏品</translation>
    </message>
    <message>
        <source>Previous page of results</source>
        <translation>上一页结果</translation>
    </message>
    <message>
        <source>Next page of results</source>
        <translation>下一页结果</translation>
    </message>
    <message>
        <source>%1 ticked</source>
        <translation>已勾选 %1 件</translation>
    </message>
    <message>
        <source>&amp;Import %1 with images</source>
        <translation>连同图片导入 %1 件(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Import with images</source>
        <translation>连同图片导入(&amp;I)</translation>
    </message>
    <message>
        <source>Page %1 of %2 (%3 found)</source>
        <translation>第 %1 页，共 %2 页（找到 %3 件）</translation>
    </message>
    <message>
        <source>Results %1–%2</source>
        <translation>第 %1–%2 条结果</translation>
    </message>
    <message>
        <source>Type what to search for first.</source>
        <translation>请先输入要搜索的内容。</translation>
    </message>
    <message>
        <source>Searching %1 for “%2”…</source>
        <translation>正在 %1 中搜索“%2”…</translation>
    </message>
    <message>
        <source>%1 has nothing for “%2”. Try other words.</source>
        <translation>%1 中没有与“%2”相关的结果，请换个词试试。</translation>
    </message>
    <message>
        <source>The search did not work. %1</source>
        <translation>搜索失败。%1</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Fetching %1 objects from %2…</source>
        <translation>正在从 %2 获取 %1 件藏品…</translation>
    </message>
</context>
<context>
    <name>OrderImportAction</name>
    <message>
        <source>Import o&amp;rders…</source>
        <translation>导入订单(&amp;R)…</translation>
    </message>
    <message>
        <source>Import a store's orders from a CSV export (columns such as order ID, date, SKU, quantity, unit price); orders already stored are skipped.</source>
        <translation>从文创商店导出的 CSV 文件导入订单（包含订单号、日期、SKU、数量、单价等列）；已保存的订单将被跳过。</translation>
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
    <name>ProductEditor</name>
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
        <source>Currency</source>
        <translation>币种</translation>
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
        <source>Store link</source>
        <translation>商店链接</translation>
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
        <source>Required, unique in the store</source>
        <translation>必填，店内唯一</translation>
    </message>
    <message>
        <source>e.g. 128.00</source>
        <translation>如 128.00</translation>
    </message>
    <message>
        <source>Empty: not tracked</source>
        <translation>留空：不跟踪库存</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>Open the product at the store in the web browser</source>
        <translation>在浏览器中打开该商品的商店页面</translation>
    </message>
    <message>
        <source>Open the store link</source>
        <translation>打开商店链接</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Picture of the product</source>
        <translation>商品图片</translation>
    </message>
    <message>
        <source>Choose picture…</source>
        <translation>选择图片…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>移除图片</translation>
    </message>
    <message>
        <source>Collection objects</source>
        <translation>藏品列表</translation>
    </message>
    <message>
        <source>Collection objects this product belongs to</source>
        <translation>此商品所属的藏品</translation>
    </message>
    <message>
        <source>Not linked to any object yet. Link the objects this product reproduces or belongs to, so tours can offer it when they show them.</source>
        <translation>尚未关联任何藏品。请关联此商品所复刻或所属的藏品，以便导览展示这些藏品时推荐此商品。</translation>
    </message>
    <message>
        <source>Link objects…</source>
        <translation>关联藏品…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Unlink the selected objects (Delete)</source>
        <translation>取消关联所选藏品（Delete）</translation>
    </message>
    <message>
        <source>Product editor</source>
        <translation>商品编辑器</translation>
    </message>
    <message>
        <source>No product selected</source>
        <translation>未选择商品</translation>
    </message>
    <message>
        <source>This product no longer exists.</source>
        <translation>该商品已不存在。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>Synced from “%1” on %2. Each sync takes the price, stock and title from the store again; the objects linked here are kept.</source>
        <translation>已于 %2 从“%1”同步。每次同步都会重新从商店获取价格、库存和名称；此处关联的藏品会保留。</translation>
    </message>
    <message>
        <source>Kept in Curator Console only (not synced from a store).</source>
        <translation>仅保存在 Curator Console 中（未从商店同步）。</translation>
    </message>
    <message>
        <source>The SKU cannot be empty.</source>
        <translation>SKU 不能为空。</translation>
    </message>
    <message>
        <source>Choose a currency, e.g. CNY.</source>
        <translation>请选择币种，如 CNY。</translation>
    </message>
    <message>
        <source>Choose a status.</source>
        <translation>请选择状态。</translation>
    </message>
    <message>
        <source>Another product already has the SKU “%1”.</source>
        <translation>已有其他商品使用 SKU“%1”。</translation>
    </message>
    <message>
        <source>Enter a price such as 128 or 128.00 (¥128.00 and 1,280.50 work too).</source>
        <translation>请输入价格，如 128 或 128.00（也可输入 ¥128.00 或 1,280.50）。</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>Stock cannot be negative.</source>
        <translation>库存不能为负数。</translation>
    </message>
    <message>
        <source>A price has at most 4 decimal places.</source>
        <translation>价格最多保留 4 位小数。</translation>
    </message>
    <message>
        <source>This price is written in another currency than the product's. Change the currency first.</source>
        <translation>此价格使用的币种与商品币种不同。请先更改币种。</translation>
    </message>
    <message>
        <source>Enter a whole number of items, or leave it empty when the stock is not tracked.</source>
        <translation>请输入整数件数；如不跟踪库存，请留空。</translation>
    </message>
    <message>
        <source>Enter a three-letter currency code such as CNY, USD or EUR.</source>
        <translation>请输入三个字母的币种代码，如 CNY、USD 或 EUR。</translation>
    </message>
    <message>
        <source>Enter a web address starting with https://.</source>
        <translation>请输入以 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>Someone else changed this product after you opened it. It has been read again; please make your change again.</source>
        <translation>打开此商品后，其他人修改了它。已重新读取该商品，请重新进行修改。</translation>
    </message>
    <message>
        <source>This product has been deleted (perhaps by someone else).</source>
        <translation>此商品已被删除（可能是其他人删除的）。</translation>
    </message>
    <message>
        <source>No picture</source>
        <translation>无图片</translation>
    </message>
    <message>
        <source>The store's picture: %1</source>
        <translation>商店图片：%1</translation>
    </message>
    <message>
        <source>Drop an image file here to replace it.</source>
        <translation>将图片文件拖放到此处即可替换。</translation>
    </message>
    <message>
        <source>Drop an image file here, or choose one.</source>
        <translation>将图片文件拖放到此处，或选择一个图片文件。</translation>
    </message>
    <message>
        <source>Choose a picture</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <source>Change the picture of %1</source>
        <translation>更改 %1 的图片</translation>
    </message>
    <message>
        <source>Not used: %1 — %2</source>
        <translation>未使用：%1 — %2</translation>
    </message>
    <message>
        <source>Remove the picture of %1</source>
        <translation>移除 %1 的图片</translation>
    </message>
    <message>
        <source>Double-click to open the object in the Collection</source>
        <translation>双击可在藏品页中打开该藏品</translation>
    </message>
    <message>
        <source>Link objects to %1</source>
        <translation>为 %1 关联藏品</translation>
    </message>
    <message>
        <source>Link an object to %1</source>
        <translation>为 %1 关联一件藏品</translation>
    </message>
    <message>
        <source>Link %1 objects to %2</source>
        <translation>为 %2 关联 %1 件藏品</translation>
    </message>
    <message>
        <source>Unlink an object from %1</source>
        <translation>取消 %1 与一件藏品的关联</translation>
    </message>
    <message>
        <source>Unlink %1 objects from %2</source>
        <translation>取消 %2 与 %1 件藏品的关联</translation>
    </message>
</context>
<context>
    <name>ProductImportAction</name>
    <message>
        <source>Import &amp;products…</source>
        <translation>导入商品(&amp;P)…</translation>
    </message>
    <message>
        <source>Import the shop's products from a CSV file (a Shopify export, or columns such as SKU, title, price, stock).</source>
        <translation>从 CSV 文件导入文创商店的商品（Shopify 导出文件，或包含 SKU、名称、价格、库存等列的文件）。</translation>
    </message>
</context>
<context>
    <name>ProductPickerDialog</name>
    <message>
        <source>Add products</source>
        <translation>添加商品</translation>
    </message>
</context>
<context>
    <name>ProductRow</name>
    <message>
        <source>stock %1</source>
        <translation>库存 %1</translation>
    </message>
    <message>
        <source>Unfeature</source>
        <translation>取消推荐</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>推荐</translation>
    </message>
    <message>
        <source>Unfeature %1</source>
        <translation>取消推荐 %1</translation>
    </message>
    <message>
        <source>Feature %1</source>
        <translation>推荐 %1</translation>
    </message>
</context>
<context>
    <name>ProductSearchPanel</name>
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
        <source>Already added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>Filter by SKU, title or object number…</source>
        <translation>按 SKU、名称或藏品编号筛选…</translation>
    </message>
    <message>
        <source>Filter products</source>
        <translation>筛选商品</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>The products could not be read: %1</source>
        <translation>无法读取商品：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The store has no products yet.</source>
        <translation>文创商店尚无商品。</translation>
    </message>
    <message>
        <source>1 product</source>
        <translation>1 件商品</translation>
    </message>
    <message>
        <source>%1 products</source>
        <translation>%1 件商品</translation>
    </message>
    <message>
        <source>%1 of %2 products</source>
        <translation>%1 件商品，共 %2 件</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Cancel the work</source>
        <translation>取消任务</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling… the work stops after the current step.</source>
        <translation>正在取消…当前步骤完成后即停止。</translation>
    </message>
    <message>
        <source>%1 of about %2 rows read</source>
        <translation>已读取 %1 行，共约 %2 行</translation>
    </message>
    <message>
        <source>%1 rows read</source>
        <translation>已读取 %1 行</translation>
    </message>
    <message>
        <source>%1 rows/s · about %2 left</source>
        <translation>每秒 %1 行 · 约剩 %2</translation>
    </message>
    <message>
        <source>%1 rows/s</source>
        <translation>每秒 %1 行</translation>
    </message>
    <message>
        <source>Fetching the records…</source>
        <translation>正在获取记录…</translation>
    </message>
    <message>
        <source>Saving the objects in the collection…</source>
        <translation>正在将藏品保存到藏品库…</translation>
    </message>
    <message>
        <source>Downloading the images into the media store…</source>
        <translation>正在把图片下载到媒体库…</translation>
    </message>
    <message>
        <source>%1 of %2 records fetched</source>
        <translation>已获取 %1 条记录，共 %2 条</translation>
    </message>
    <message>
        <source>%1 of %2 objects saved</source>
        <translation>已保存 %1 件藏品，共 %2 件</translation>
    </message>
    <message>
        <source>%1 of %2 images downloaded</source>
        <translation>已下载 %1 张图片，共 %2 张</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1，共 %2</translation>
    </message>
    <message>
        <source>%1 records/s · about %2 left</source>
        <translation>每秒 %1 条记录 · 约剩 %2</translation>
    </message>
    <message>
        <source>%1 records/s</source>
        <translation>每秒 %1 条记录</translation>
    </message>
    <message>
        <source>%1 images/s · about %2 left</source>
        <translation>每秒 %1 张图片 · 约剩 %2</translation>
    </message>
    <message>
        <source>%1 images/s</source>
        <translation>每秒 %1 张图片</translation>
    </message>
</context>
<context>
    <name>ReadinessPanel</name>
    <message>
        <source>Readiness check</source>
        <translation>开播检查</translation>
    </message>
    <message>
        <source>Click a line to go to the problem</source>
        <translation>点击某行即可定位到问题</translation>
    </message>
    <message>
        <source>Readiness check: ready to go live</source>
        <translation>开播检查：可以开播</translation>
    </message>
    <message>
        <source>Readiness check — problems: %1 · warnings: %2</source>
        <translation>开播检查 — 问题：%1 · 警告：%2</translation>
    </message>
    <message>
        <source>Segment %1 “%2”</source>
        <translation>环节 %1“%2”</translation>
    </message>
    <message>
        <source>The tour has no segments yet.</source>
        <translation>此导览尚无环节。</translation>
    </message>
    <message>
        <source>%1: no script written.</source>
        <translation>%1：尚未撰写讲稿。</translation>
    </message>
    <message>
        <source>%1: the script needs about %2 to say, longer than planned.</source>
        <translation>%1：讲稿约需 %2 讲完，超出计划时长。</translation>
    </message>
    <message>
        <source>%1: object %2 has no image.</source>
        <translation>%1：藏品 %2 没有图片。</translation>
    </message>
    <message>
        <source>%1: the image rights of object %2 are not cleared (%3).</source>
        <translation>%1：藏品 %2 的图片版权尚未确认（%3）。</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1: product %2 is out of stock.</source>
        <translation>%1：商品 %2 缺货。</translation>
    </message>
    <message>
        <source>%1: product %2 has no price.</source>
        <translation>%1：商品 %2 未定价。</translation>
    </message>
    <message>
        <source>%1: product %2 is not on sale (%3).</source>
        <translation>%1：商品 %2 未在售（%3）。</translation>
    </message>
    <message>
        <source>The tour overruns its slot by %1.</source>
        <translation>导览超出时段 %1。</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Close the editor (Esc)</source>
        <translation>关闭编辑器（Esc）</translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation>关闭编辑器</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>not an image (PNG, JPEG, GIF, WebP, TIFF or BMP)</source>
        <translation>不是图片（支持 PNG、JPEG、GIF、WebP、TIFF、BMP）</translation>
    </message>
    <message>
        <source>too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Edit %1 of %2</source>
        <translation>编辑 %2 的%1</translation>
    </message>
    <message>
        <source>This is too long: at most %1 characters.</source>
        <translation>内容过长：最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Object number</source>
        <translation>藏品编号</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Imported with a warning</source>
        <translation>已导入（有警告）</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Order ID</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <source>“%1” has %2 rows with problems, and the whole file was to be rejected if any row had one. No order was stored. Correct the rows listed below, or import again without that option to skip the orders they belong to.</source>
        <translation>“%1”中有 %2 行存在问题，而导入设置为只要有一行出错就拒绝整个文件，因此未保存任何订单。请更正下列各行，或取消该选项后重新导入，以跳过这些行所属的订单。</translation>
    </message>
    <message>
        <source>“%1” has %2 rows with problems, and the whole file was to be rejected if any row had one. The products are unchanged. Correct the rows listed below, or import again without that option to skip them.</source>
        <translation>“%1”中有 %2 行存在问题，而按所选设置，只要有一行出错就拒绝整个文件。商品未做任何更改。请更正下列各行，或取消该选项后重新导入以跳过这些行。</translation>
    </message>
    <message>
        <source>“%1” has %2 rows with problems, and the whole file was to be rejected if any row had one. The collection is unchanged. Correct the rows listed below, or import again without that option to skip them.</source>
        <translation>“%1”中有 %2 行存在问题，而你选择了只要有一行有问题就拒绝整个文件。藏品库未做任何更改。请修正下列各行，或取消该选项后重新导入以跳过它们。</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>“%1” was imported into the orders of the connection “%2”. Orders it held already were not stored again.</source>
        <translation>“%1”已导入连接“%2”的订单。该连接中已有的订单未重复保存。</translation>
    </message>
    <message>
        <source>“%1” was imported into the store's products.</source>
        <translation>“%1”已导入文创商店的商品。</translation>
    </message>
    <message>
        <source>The objects from %1 were imported into the collection of %2.</source>
        <translation>来自 %1 的藏品已导入 %2 的藏品库。</translation>
    </message>
    <message>
        <source>“%1” was imported into the collection of %2.</source>
        <translation>“%1”已导入 %2 的藏品库。</translation>
    </message>
    <message>
        <source>“%1” was imported into the collection.</source>
        <translation>“%1”已导入藏品库。</translation>
    </message>
    <message>
        <source>new objects</source>
        <translation>新增藏品</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>new products</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变化</translation>
    </message>
    <message>
        <source>rows rejected</source>
        <translation>被拒绝的行</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>new orders</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>already there</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Columns not imported (no field chosen): %1</source>
        <translation>未导入的列（未选择字段）：%1</translation>
    </message>
    <message>
        <source>Problems, by row (rows as a spreadsheet numbers them)</source>
        <translation>按行列出的问题（行号与电子表格一致）</translation>
    </message>
    <message>
        <source>No row had a problem.</source>
        <translation>所有行均无问题。</translation>
    </message>
    <message>
        <source>Problems found in the import</source>
        <translation>导入中发现的问题</translation>
    </message>
    <message>
        <source>&amp;Save report as CSV…</source>
        <translation>将报告另存为 CSV(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the list of problems as a CSV file</source>
        <translation>将问题列表保存为 CSV 文件</translation>
    </message>
    <message>
        <source>The report was saved to %1.</source>
        <translation>报告已保存到 %1。</translation>
    </message>
    <message>
        <source>Save report as CSV</source>
        <translation>将报告另存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The report could not be saved: %1</source>
        <translation>无法保存报告：%1</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Automatic, before an upgrade</source>
        <translation>自动（升级前）</translation>
    </message>
    <message>
        <source>Automatic, before a restore</source>
        <translation>自动（恢复前）</translation>
    </message>
    <message>
        <source>Made with Back up database</source>
        <translation>通过“备份数据库”创建</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>选择的文件</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>schema revision of a backup</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <comment>schema revision</comment>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore the database from a backup</source>
        <translation>从备份恢复数据库</translation>
    </message>
    <message>
        <source>The database %1 is replaced by the backup you choose. Before that, a copy of it as it is now is kept in the backups folder, so a restore can be undone by restoring that copy.</source>
        <translation>数据库 %1 将被你选择的备份替换。替换前，会先在备份文件夹中保存它当前的副本，因此可以通过恢复该副本来撤销这次恢复。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Restore from a backup file kept somewhere else</source>
        <translation>从保存在其他位置的备份文件恢复</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>There are no backups in %1 yet. Choose a backup file kept elsewhere with “Choose file…”.</source>
        <translation>%1 中还没有备份。可通过“选择文件…”选择保存在其他位置的备份文件。</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Curator Console database (*.sqlite3 *.db);;All files (*)</source>
        <translation>Curator Console 数据库 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ResumeDialog</name>
    <message>
        <source>Unfinished sessions</source>
        <translation>未完成的场次</translation>
    </message>
    <message>
        <source>These sessions did not end properly (the app was closed or crashed while they ran). Resume one to carry on where its log stops, or mark it as abandoned.</source>
        <translation>这些场次未正常结束（运行期间应用被关闭或崩溃）。可以继续某个场次，从其日志中断处接着进行，也可以将其标记为已放弃。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Mark as abandoned</source>
        <translation>标记为已放弃(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>稍后(&amp;L)</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>rehearsal</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>%1 — %2, started %3</source>
        <translation>%1 — %2，开始于 %3</translation>
    </message>
</context>
<context>
    <name>ReviewDetail</name>
    <message>
        <source>, </source>
        <comment>between the items of a list, e.g. of currencies</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <comment>the last two items of a list</comment>
        <translation>%1和%2</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>历场对比</translation>
    </message>
    <message>
        <source>Same tour</source>
        <translation>同一导览</translation>
    </message>
    <message>
        <source>All sessions</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <source>What each product sold</source>
        <translation>各商品销售情况</translation>
    </message>
    <message>
        <source>What each segment sold</source>
        <translation>各环节销售情况</translation>
    </message>
    <message>
        <source>the orders are in %1</source>
        <translation>订单币种为 %1</translation>
    </message>
    <message>
        <source>the orders are in %1, and there is no exchange rate for %2</source>
        <translation>订单币种为 %1，且缺少 %2 的汇率</translation>
    </message>
    <message>
        <source>the orders are in %1, and there are no exchange rates for %2</source>
        <translation>订单币种为 %1，且缺少 %2 的汇率</translation>
    </message>
    <message>
        <source>Tour: %1</source>
        <translation>导览：%1</translation>
    </message>
    <message>
        <source>orders from “%1”</source>
        <translation>订单来自“%1”</translation>
    </message>
    <message>
        <source>no store orders to count</source>
        <translation>没有可统计的文创商店订单</translation>
    </message>
    <message>
        <source>no baseline</source>
        <translation>无基准</translation>
    </message>
    <message>
        <source>compared with %1 (%2)</source>
        <translation>对比%1（%2）</translation>
    </message>
    <message>
        <source>compared with %1</source>
        <translation>对比%1</translation>
    </message>
    <message>
        <source>baseline %1</source>
        <translation>基准 %1</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>cannot be added up</source>
        <translation>无法合计</translation>
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
        <source>Change in revenue</source>
        <translation>销售额变化</translation>
    </message>
    <message>
        <source>no baseline chosen</source>
        <translation>未选择基准</translation>
    </message>
    <message>
        <source>the baseline sold nothing</source>
        <translation>基准期无销售</translation>
    </message>
    <message>
        <source>no sales in either</source>
        <translation>两者均无销售</translation>
    </message>
    <message>
        <source>%1× the baseline</source>
        <translation>基准的 %1 倍</translation>
    </message>
    <message>
        <source>Peak viewers</source>
        <translation>在线人数峰值</translation>
    </message>
    <message>
        <source>Average viewers</source>
        <translation>平均在线人数</translation>
    </message>
    <message>
        <source>Orders per 1,000 viewers</source>
        <translation>每千名观众订单数</translation>
    </message>
    <message>
        <source>at the peak</source>
        <translation>按峰值计</translation>
    </message>
    <message>
        <source>Orders, units and viewers are counted as usual. Give the exchange rate for %1 to add up the revenue in %2.</source>
        <translation>订单数、销量和观众数照常统计。填写 %1 的汇率后，即可按 %2 合计销售额。</translation>
    </message>
    <message>
        <source>Orders, units and viewers are counted as usual. Give the exchange rates for %1 to add up the revenue in %2.</source>
        <translation>订单数、销量和观众数照常统计。填写 %1 的汇率后，即可按 %2 合计销售额。</translation>
    </message>
    <message>
        <source>The revenue cannot be added up: %1.</source>
        <translation>销售额无法合计：%1。</translation>
    </message>
    <message>
        <source>Set exchange rate…</source>
        <translation>设置汇率…</translation>
    </message>
    <message>
        <source>Set exchange rates…</source>
        <translation>设置汇率…</translation>
    </message>
    <message>
        <source>1 %1 = %2 %3</source>
        <translation>1 %1 = %2 %3</translation>
    </message>
    <message>
        <source>Amounts in other currencies are converted at %1.</source>
        <translation>其他币种金额按 %1 换算。</translation>
    </message>
    <message>
        <source>Change exchange rates…</source>
        <translation>修改汇率…</translation>
    </message>
    <message>
        <source>Revenue per segment (%1)</source>
        <translation>各环节销售额（%1）</translation>
    </message>
    <message>
        <source>Units per segment (the revenue cannot be added up)</source>
        <translation>各环节销量（销售额无法合计）</translation>
    </message>
    <message>
        <source>No segments were recorded.</source>
        <translation>没有记录到任何环节。</translation>
    </message>
    <message>
        <source>Working out the other sessions…</source>
        <translation>正在计算其他场次…</translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation>%1 场</translation>
    </message>
    <message>
        <source>Only this session so far</source>
        <translation>目前只有这一场</translation>
    </message>
</context>
<context>
    <name>ReviewExport</name>
    <message>
        <source>Export PDF report</source>
        <translation>导出 PDF 报告</translation>
    </message>
    <message>
        <source>Export charts as PNG</source>
        <translation>导出图表为 PNG</translation>
    </message>
    <message>
        <source>Export tables as CSV</source>
        <translation>导出表格为 CSV</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>%1 already has %2. Replace them?</source>
        <translation>%1 中已有 %2。要替换吗？</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Writing the files into %1…</source>
        <translation>正在将文件写入 %1…</translation>
    </message>
    <message>
        <source>Saved %1 (one page).</source>
        <translation>已保存 %1（1 页）。</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages).</source>
        <translation>已保存 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>Saved %1 files in %2: %3.</source>
        <translation>已在 %2 中保存 %1 个文件：%3。</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>无法写入 PDF。</translation>
    </message>
    <message>
        <source>The files could not be written.</source>
        <translation>无法写入文件。</translation>
    </message>
</context>
<context>
    <name>ReviewOrderFetch</name>
    <message>
        <source>Fetching orders</source>
        <translation>正在拉取订单</translation>
    </message>
    <message>
        <source>Fetching orders from “%1”…</source>
        <translation>正在从“%1”拉取订单…</translation>
    </message>
    <message>
        <source>Fetching orders from the store…</source>
        <translation>正在从文创商店拉取订单…</translation>
    </message>
    <message>
        <source>Fetched from “%1”: %2 new orders (%3 already here).</source>
        <translation>已从“%1”拉取：新订单 %2 笔（%3 笔已存在）。</translation>
    </message>
    <message>
        <source>Fetched %1 new orders (%2 already here).</source>
        <translation>已拉取新订单 %1 笔（%2 笔已存在）。</translation>
    </message>
    <message>
        <source>Orders fetched</source>
        <translation>订单已拉取</translation>
    </message>
    <message>
        <source>Fetching cancelled</source>
        <translation>拉取已取消</translation>
    </message>
    <message>
        <source>Cancelled; the orders fetched so far are kept.</source>
        <translation>已取消；已拉取的订单会保留。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>The store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>The orders could not be fetched</source>
        <translation>无法拉取订单</translation>
    </message>
    <message>
        <source>Nothing more could be fetched: %1</source>
        <translation>无法继续获取：%1</translation>
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
        <source>&amp;Compare with:</source>
        <translation>对比基准(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Fetch orders</source>
        <translation>拉取订单(&amp;F)</translation>
    </message>
    <message>
        <source>Fetch from the store the orders placed during the session and during the baseline, then work out the figures again. Orders already here are not stored twice.</source>
        <translation>从文创商店拉取本场直播期间和基准期内的订单，然后重新计算各项数据。已有的订单不会重复保存。</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export &amp;PDF report…</source>
        <translation>导出 PDF 报告(&amp;P)…</translation>
    </message>
    <message>
        <source>Export charts as P&amp;NG…</source>
        <translation>导出图表为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Export tables as &amp;CSV…</source>
        <translation>导出表格为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>暂无场次。</translation>
    </message>
    <message>
        <source>Sessions: %1 · orders: %2 · revenue: %3</source>
        <translation>共 %1 场 · 订单 %2 笔 · 销售额 %3</translation>
    </message>
    <message>
        <source>No sessions yet: run a tour live or as a rehearsal, and what it did for the store shows here.</source>
        <translation>还没有直播场次：以直播或彩排方式运行导览后，它为文创商店带来的效果会显示在这里。</translation>
    </message>
    <message>
        <source>Choose a session above to see what it did for the store.</source>
        <translation>在上方选择一个场次，查看它为文创商店带来的效果。</translation>
    </message>
    <message>
        <source>This session never started: there is nothing to review.</source>
        <translation>这一场从未开始：没有可复盘的内容。</translation>
    </message>
</context>
<context>
    <name>ReviewTables</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>销量</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <translation>销售额（%1）</translation>
    </message>
    <message>
        <source>Baseline revenue (%1)</source>
        <translation>基准销售额（%1）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>The baseline sold none of it</source>
        <translation>基准期内该商品无销售</translation>
    </message>
    <message>
        <source>Featured</source>
        <translation>推荐时长</translation>
    </message>
    <message>
        <source>How long it was featured during the session</source>
        <translation>本场直播中推荐该商品的时长</translation>
    </message>
    <message>
        <source>Units/min featured</source>
        <translation>推荐时每分钟销量</translation>
    </message>
    <message>
        <source>Units sold per minute while it was featured</source>
        <translation>推荐该商品期间每分钟售出的件数</translation>
    </message>
    <message>
        <source>Units/min otherwise</source>
        <translation>其余时间每分钟销量</translation>
    </message>
    <message>
        <source>Units sold per minute during the rest of the session</source>
        <translation>本场直播其余时间每分钟售出的件数</translation>
    </message>
    <message>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Average viewers</source>
        <translation>平均在线人数</translation>
    </message>
    <message>
        <source>Peak viewers</source>
        <translation>在线人数峰值</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ScriptEditor</name>
    <message>
        <source>&amp;Script</source>
        <translation>讲稿(&amp;S)</translation>
    </message>
    <message>
        <source>Second &amp;language</source>
        <translation>第二语言(&amp;L)</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>讲稿</translation>
    </message>
    <message>
        <source>Script in the second language</source>
        <translation>第二语言讲稿</translation>
    </message>
    <message>
        <source>What you will say. # Heading, **bold**, - bullet, 1. numbered item</source>
        <translation>要讲的内容。# 标题，**粗体**，- 项目符号，1. 编号项</translation>
    </message>
    <message>
        <source>The script in the second language (optional)</source>
        <translation>第二语言讲稿（可选）</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Heading %1</source>
        <translation>%1 级标题</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>粗体</translation>
    </message>
    <message>
        <source>Bullet list</source>
        <translation>项目符号列表</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>编号列表</translation>
    </message>
    <message>
        <source>Second language</source>
        <translation>第二语言</translation>
    </message>
    <message>
        <source>Show or hide the script in the second language</source>
        <translation>显示或隐藏第二语言讲稿</translation>
    </message>
    <message>
        <source>Speaking time ≈ %1</source>
        <translation>讲解时长 ≈ %1</translation>
    </message>
    <message>
        <source>At %1 Chinese characters or %2 English words a minute (Settings)</source>
        <translation>按每分钟 %1 个汉字或 %2 个英文单词计算（见设置）</translation>
    </message>
</context>
<context>
    <name>SegmentCuesWidget</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Cue</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Add cue</source>
        <translation>添加提示</translation>
    </message>
    <message>
        <source>Add OBS scene</source>
        <translation>添加 OBS 场景</translation>
    </message>
    <message>
        <source>Cues of this segment</source>
        <translation>本环节的提示</translation>
    </message>
    <message>
        <source>OBS scene</source>
        <translation>OBS 场景</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Scenes of the connected OBS; type a name when OBS is not connected.</source>
        <translation>已连接的 OBS 中的场景；未连接 OBS 时可直接输入名称。</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>New cue</source>
        <translation>新提示</translation>
    </message>
</context>
<context>
    <name>SegmentDetailPanel</name>
    <message>
        <source>&amp;Segment title</source>
        <translation>环节标题(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Planned duration</source>
        <translation>计划时长(&amp;P)</translation>
    </message>
    <message>
        <source>Segment title</source>
        <translation>环节标题</translation>
    </message>
    <message>
        <source>Planned duration</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Hours:minutes:seconds</source>
        <translation>时:分:秒</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>讲稿</translation>
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
        <source>Add a segment to start writing the script (Ctrl+Shift+N).</source>
        <translation>添加一个环节即可开始撰写讲稿（Ctrl+Shift+N）。</translation>
    </message>
    <message>
        <source>Segment %1: %2</source>
        <translation>环节 %1：%2</translation>
    </message>
</context>
<context>
    <name>SegmentLinks</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
</context>
<context>
    <name>SegmentObjectsWidget</name>
    <message>
        <source>Add objects…</source>
        <translation>添加藏品…</translation>
    </message>
    <message>
        <source>Objects shown in this segment</source>
        <translation>本环节展示的藏品</translation>
    </message>
    <message>
        <source>Drag objects here from the Collection panel; drag to reorder; Delete removes.</source>
        <translation>从藏品面板拖入藏品；拖动可调整顺序；按 Delete 键移除。</translation>
    </message>
</context>
<context>
    <name>SegmentProductsWidget</name>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
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
        <source>Live price</source>
        <translation>直播价</translation>
    </message>
    <message>
        <source>Feature automatically</source>
        <translation>自动推荐</translation>
    </message>
    <message>
        <source>Pitch line</source>
        <translation>推荐语</translation>
    </message>
    <message>
        <source>Add products…</source>
        <translation>添加商品…</translation>
    </message>
    <message>
        <source>Products featured in this segment</source>
        <translation>本环节推荐的商品</translation>
    </message>
    <message>
        <source>Drag products here from the Store panel. Double-click a live price or pitch line to edit it; tick to feature the product when the segment starts.</source>
        <translation>从文创商店面板拖入商品。双击直播价或推荐语可进行编辑；勾选后，环节开始时会自动推荐该商品。</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>未定价</translation>
    </message>
    <message>
        <source>out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>“%1” is not a price.</source>
        <translation>“%1”不是有效的价格。</translation>
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
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>The size of all text in the app, in percent of the system's</source>
        <translation>应用中所有文字的大小（相对于系统字号的百分比）</translation>
    </message>
    <message>
        <source>Default: the file in your data folder</source>
        <translation>默认：数据文件夹中的文件</translation>
    </message>
    <message>
        <source>Database location</source>
        <translation>数据库位置</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>选择数据库文件</translation>
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
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
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
    <name>ShortcutsDialog</name>
    <message>
        <source>leave full screen (never ends the session)</source>
        <translation>退出全屏（不会结束场次）</translation>
    </message>
    <message>
        <source>In the %1 workspace</source>
        <translation>在“%1”工作区</translation>
    </message>
    <message>
        <source>Live console and teleprompter</source>
        <translation>直播控制台和提词器</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>The keys of the main window by menu, of each workspace, and of the live console (they work while the console or its teleprompter window is in front).</source>
        <translation>按菜单列出的主窗口按键、各工作区的按键，以及直播控制台的按键（控制台或其提词器窗口在前台时有效）。</translation>
    </message>
    <message>
        <source>Filter, e.g. “undo” or “Ctrl+”</source>
        <translation>筛选，例如“撤销”或“Ctrl+”</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>StartSessionDialog</name>
    <message>
        <source>Start a live session</source>
        <translation>开始直播场次</translation>
    </message>
    <message>
        <source>&amp;Tour:</source>
        <translation>导览(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>连接(&amp;C)：</translation>
    </message>
    <message>
        <source>Rehearsal &amp;speed:</source>
        <translation>彩排速度(&amp;S)：</translation>
    </message>
    <message>
        <source>How much faster than real time the simulated audience moves (rehearsals only)</source>
        <translation>模拟观众的变化速度是实时的几倍（仅用于彩排）</translation>
    </message>
    <message>
        <source>&amp;Autopilot: move on when a segment's planned time is up</source>
        <translation>自动推进：环节计划时长用完后进入下一环节(&amp;A)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>The tour is frozen into the session when it starts: later edits do not change it.</source>
        <translation>场次开始时会固定导览内容：之后的编辑不会影响本场次。</translation>
    </message>
    <message>
        <source>%1 (%2 segments, %3)</source>
        <translation>%1（%2 个环节，%3）</translation>
    </message>
    <message>
        <source>Built-in simulator — rehearsal</source>
        <translation>内置模拟平台 — 彩排</translation>
    </message>
    <message>
        <source>%1 — %2 — rehearsal</source>
        <translation>%1 — %2 — 彩排</translation>
    </message>
    <message>
        <source>%1 — %2 — LIVE</source>
        <translation>%1 — %2 — 直播</translation>
    </message>
    <message>
        <source>There is no tour to run yet: create one in the Tours workspace.</source>
        <translation>还没有可进行的导览：请在“导览”工作区中创建一个。</translation>
    </message>
    <message>
        <source>REHEARSAL — nothing goes out to viewers</source>
        <translation>彩排——不会向观众播出任何内容</translation>
    </message>
    <message>
        <source>LIVE — featuring reaches real viewers</source>
        <translation>直播——推荐商品会推送给真实观众</translation>
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
        <source>Last synced</source>
        <translation>上次同步</translation>
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
        <source>Filter by SKU or title…  (Ctrl+F)</source>
        <translation>按 SKU 或名称筛选…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Filter the products by SKU or title</source>
        <translation>按 SKU 或名称筛选商品</translation>
    </message>
    <message>
        <source>Show products with this status</source>
        <translation>显示此状态的商品</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>缺货</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>新建商品</translation>
    </message>
    <message>
        <source>Add a new product to the store (Ctrl+N)</source>
        <translation>向文创商店添加新商品（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected products (Delete)</source>
        <translation>删除所选商品（Delete）</translation>
    </message>
    <message>
        <source>Import products…</source>
        <translation>导入商品…</translation>
    </message>
    <message>
        <source>Import the shop's products from a CSV file</source>
        <translation>从 CSV 文件导入店铺的商品</translation>
    </message>
    <message>
        <source>Sync from store…</source>
        <translation>从店铺同步…</translation>
    </message>
    <message>
        <source>Fetch products and orders from a store connection</source>
        <translation>通过店铺连接获取商品和订单</translation>
    </message>
    <message>
        <source>Clear the filter</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Stock not tracked</source>
        <translation>不跟踪库存</translation>
    </message>
    <message>
        <source>Showing %1 of %2 products</source>
        <translation>共 %2 件商品，显示 %1 件</translation>
    </message>
    <message>
        <source>%1 · out of stock: %2</source>
        <translation>%1 · 缺货 %2 件</translation>
    </message>
    <message>
        <source>Products: %1 · out of stock: %2</source>
        <translation>共 %1 件商品 · 缺货 %2 件</translation>
    </message>
    <message>
        <source>Products: %1</source>
        <translation>共 %1 件商品</translation>
    </message>
    <message>
        <source>Last synced from “%1”: %2. The list is kept in the database, so it works offline.</source>
        <translation>上次从“%1”同步：%2。列表保存在数据库中，离线也可使用。</translation>
    </message>
    <message>
        <source>a store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>Not synced from a store yet. The list is kept in the database, so it works offline.</source>
        <translation>尚未从店铺同步。列表保存在数据库中，离线也可使用。</translation>
    </message>
    <message>
        <source>No products yet</source>
        <translation>暂无商品</translation>
    </message>
    <message>
        <source>Create a product (Ctrl+N), import the shop's product list from a CSV file, or sync from a store connection. Then link each product to the collection objects it belongs to.</source>
        <translation>新建商品（Ctrl+N）、从 CSV 文件导入店铺的商品列表，或通过店铺连接同步。然后将每件商品关联到它所对应的藏品。</translation>
    </message>
    <message>
        <source>No product matches</source>
        <translation>没有匹配的商品</translation>
    </message>
    <message>
        <source>No product matches “%1” with this status.</source>
        <translation>没有处于此状态且匹配“%1”的商品。</translation>
    </message>
    <message>
        <source>No product matches “%1”.</source>
        <translation>没有匹配“%1”的商品。</translation>
    </message>
    <message>
        <source>No product has this status.</source>
        <translation>没有处于此状态的商品。</translation>
    </message>
    <message>
        <source>New product %1</source>
        <translation>新建商品 %1</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>已创建 %1。</translation>
    </message>
    <message>
        <source>Delete the product %1?</source>
        <translation>删除商品 %1？</translation>
    </message>
    <message>
        <source>Delete %1 products?</source>
        <translation>删除 %1 件商品？</translation>
    </message>
    <message>
        <source>It is featured in 1 tour; it will be taken out of it.</source>
        <translation>它已在 1 个导览中推荐，删除后将从该导览中移除。</translation>
    </message>
    <message>
        <source>They are featured in %1 tours; they will be taken out of them.</source>
        <translation>它们已在 %1 个导览中推荐，删除后将从这些导览中移除。</translation>
    </message>
    <message>
        <source>Past orders keep their SKU, price and quantity.</source>
        <translation>以往订单会保留其 SKU、价格和数量。</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可以通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete products</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Delete %1 products</source>
        <translation>删除 %1 件商品</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>已删除。</translation>
    </message>
</context>
<context>
    <name>StoreSync</name>
    <message>
        <source>No store to sync from</source>
        <translation>没有可同步的店铺</translation>
    </message>
    <message>
        <source>There is no store connection yet. Add one in File ▸ Settings ▸ Connections (Shopify, a live-commerce partner, or the built-in simulated platform), then sync again.</source>
        <translation>尚无店铺连接。请在“文件 ▸ 设置 ▸ 连接”中添加（Shopify、直播电商合作平台或内置模拟平台），然后重新同步。</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>正在同步</translation>
    </message>
    <message>
        <source>Syncing from “%1”…</source>
        <translation>正在从“%1”同步…</translation>
    </message>
    <message>
        <source>Store synced</source>
        <translation>店铺已同步</translation>
    </message>
    <message>
        <source>Synced from “%1”: %2 products updated; %3 new orders (%4 already here).</source>
        <translation>已从“%1”同步：更新 %2 件商品；新增 %3 笔订单（%4 笔已存在）。</translation>
    </message>
    <message>
        <source>Sync cancelled</source>
        <translation>同步已取消</translation>
    </message>
    <message>
        <source>The sync was cancelled. What was fetched before that is kept; sync again to fetch the rest.</source>
        <translation>同步已取消。已获取的内容会保留；再次同步即可获取其余内容。</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>The store</source>
        <translation>店铺</translation>
    </message>
    <message>
        <source>The sync failed</source>
        <translation>同步失败</translation>
    </message>
    <message>
        <source>Nothing more could be fetched: %1</source>
        <translation>无法继续获取：%1</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync from store</source>
        <translation>从店铺同步</translation>
    </message>
    <message>
        <source>Sync products and orders from a store</source>
        <translation>从店铺同步商品和订单</translation>
    </message>
    <message>
        <source>&amp;Store:</source>
        <translation>店铺(&amp;S)：</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Orders from the last:</source>
        <translation>同步最近的订单(&amp;O)：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Each product's price, stock and title are taken from the store; the collection objects you linked here are kept. Orders are stored once, however often you sync. Everything stays available offline.</source>
        <translation>每件商品的价格、库存和名称均以店铺为准；你在此处关联的藏品会保留。无论同步多少次，订单都只保存一次。所有数据均可离线使用。</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>同步(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SyncProgressDialog</name>
    <message>
        <source>Fetching the store's products…</source>
        <translation>正在获取店铺的商品…</translation>
    </message>
    <message>
        <source>Fetching the store's orders…</source>
        <translation>正在获取店铺的订单…</translation>
    </message>
    <message>
        <source>%1 products · %2 new orders · %3 already here</source>
        <translation>%1 件商品 · 新订单 %2 笔 · 已存在 %3 笔</translation>
    </message>
</context>
<context>
    <name>TeleprompterView</name>
    <message>
        <source>The script of the current segment appears here.</source>
        <translation>当前环节的讲稿将显示在这里。</translation>
    </message>
    <message>
        <source>Teleprompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <source>scroll paused</source>
        <translation>滚动已暂停</translation>
    </message>
    <message>
        <source>session paused</source>
        <translation>场次已暂停</translation>
    </message>
</context>
<context>
    <name>TeleprompterWindow</name>
    <message>
        <source>Teleprompter</source>
        <translation>提词器</translation>
    </message>
    <message>
        <source>Screen:</source>
        <translation>屏幕：</translation>
    </message>
    <message>
        <source>Full screen (F11)</source>
        <translation>全屏（F11）</translation>
    </message>
    <message>
        <source>Mirror</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Smaller type (−)</source>
        <translation>缩小字号（−）</translation>
    </message>
    <message>
        <source>Larger type (+)</source>
        <translation>放大字号（+）</translation>
    </message>
    <message>
        <source>Pause scrolling</source>
        <translation>暂停滚动</translation>
    </message>
    <message>
        <source>%1: %2 (%3 × %4)</source>
        <translation>%1：%2（%3 × %4）</translation>
    </message>
</context>
<context>
    <name>TimingBar</name>
    <message>
        <source>Planned %1 of a %2 slot</source>
        <translation>计划时长 %1，时段 %2</translation>
    </message>
    <message>
        <source>Planned %1, no slot set</source>
        <translation>计划时长 %1，未设时段</translation>
    </message>
    <message>
        <source>%1. %2 — planned %3, speaking time %4</source>
        <translation>%1. %2 — 计划时长 %3，讲解时长 %4</translation>
    </message>
</context>
<context>
    <name>TourEditor</name>
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
        <source>Planned</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>讲解时长</translation>
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
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>主讲人(&amp;H)</translation>
    </message>
    <message>
        <source>Planned &amp;start</source>
        <translation>计划开播时间(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;lot</source>
        <translation>时段(&amp;L)</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>语言(&amp;G)</translation>
    </message>
    <message>
        <source>Tour title</source>
        <translation>导览标题</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>Planned start is set</source>
        <translation>已设置计划开播时间</translation>
    </message>
    <message>
        <source>Set a planned start</source>
        <translation>设置计划开播时间</translation>
    </message>
    <message>
        <source>Planned start</source>
        <translation>计划开播时间</translation>
    </message>
    <message>
        <source>Slot length in minutes</source>
        <translation>时段长度（分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>no slot</source>
        <translation>未设时段</translation>
    </message>
    <message>
        <source>Tour language</source>
        <translation>导览语言</translation>
    </message>
    <message>
        <source>Add segment</source>
        <translation>添加环节</translation>
    </message>
    <message>
        <source>Add a segment after the selected one (Ctrl+Shift+N)</source>
        <translation>在所选环节之后添加环节（Ctrl+Shift+N）</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>删除环节</translation>
    </message>
    <message>
        <source>Delete the selected segment (Delete); Ctrl+Z brings it back</source>
        <translation>删除所选环节（Delete）；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the selected segment earlier (Alt+Up), or drag it</source>
        <translation>将所选环节前移（Alt+Up），也可直接拖动</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the selected segment later (Alt+Down), or drag it</source>
        <translation>将所选环节后移（Alt+Down），也可直接拖动</translation>
    </message>
    <message>
        <source>Save version…</source>
        <translation>保存版本…</translation>
    </message>
    <message>
        <source>Keep a named snapshot of the whole tour</source>
        <translation>为整个导览保存一个命名快照</translation>
    </message>
    <message>
        <source>Versions…</source>
        <translation>版本…</translation>
    </message>
    <message>
        <source>Compare with or restore a saved version</source>
        <translation>与已保存的版本比较，或恢复到该版本</translation>
    </message>
    <message>
        <source>Run-of-show PDF…</source>
        <translation>流程单 PDF…</translation>
    </message>
    <message>
        <source>Cue cards PDF…</source>
        <translation>提词卡 PDF…</translation>
    </message>
    <message>
        <source>Running order</source>
        <translation>环节顺序</translation>
    </message>
    <message>
        <source>The script needs about %1 more than planned</source>
        <translation>讲稿比计划时长约多出 %1</translation>
    </message>
    <message>
        <source>The script fits, %1 to spare</source>
        <translation>讲稿未超时，尚余 %1</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>Problems: %1 — see the readiness check</source>
        <translation>问题：%1 — 请查看开播检查</translation>
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
        <source>The title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>The host</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>The planned start</source>
        <translation>计划开播时间</translation>
    </message>
    <message>
        <source>The slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>The language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The planned duration</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>The script</source>
        <translation>讲稿</translation>
    </message>
    <message>
        <source>The second-language script</source>
        <translation>第二语言讲稿</translation>
    </message>
    <message>
        <source>The objects</source>
        <translation>藏品</translation>
    </message>
    <message>
        <source>The featured products</source>
        <translation>推荐商品</translation>
    </message>
    <message>
        <source>The cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>The running order</source>
        <translation>环节顺序</translation>
    </message>
    <message>
        <source>Edit tour: %1</source>
        <translation>编辑导览：%1</translation>
    </message>
    <message>
        <source>Rename segment</source>
        <translation>重命名环节</translation>
    </message>
    <message>
        <source>Change planned duration</source>
        <translation>修改计划时长</translation>
    </message>
    <message>
        <source>Edit script</source>
        <translation>编辑讲稿</translation>
    </message>
    <message>
        <source>Edit second-language script</source>
        <translation>编辑第二语言讲稿</translation>
    </message>
    <message>
        <source>Change the segment's objects</source>
        <translation>修改环节的藏品</translation>
    </message>
    <message>
        <source>Change featured products</source>
        <translation>修改推荐商品</translation>
    </message>
    <message>
        <source>Change cues</source>
        <translation>修改提示</translation>
    </message>
    <message>
        <source>Add objects to the segment</source>
        <translation>向环节添加藏品</translation>
    </message>
    <message>
        <source>Feature products in the segment</source>
        <translation>在环节中推荐商品</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>环节 %1</translation>
    </message>
    <message>
        <source>Segment added. Type its title, then write the script.</source>
        <translation>已添加环节。请输入标题，然后撰写讲稿。</translation>
    </message>
    <message>
        <source>Delete segment “%1”</source>
        <translation>删除环节“%1”</translation>
    </message>
    <message>
        <source>Segment deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>环节已删除。撤销（Ctrl+Z）可恢复。</translation>
    </message>
    <message>
        <source>Move segment</source>
        <translation>移动环节</translation>
    </message>
    <message>
        <source>Save version</source>
        <translation>保存版本</translation>
    </message>
    <message>
        <source>Name of this version:</source>
        <translation>版本名称：</translation>
    </message>
    <message>
        <source>Version “%1” saved.</source>
        <translation>版本“%1”已保存。</translation>
    </message>
    <message>
        <source>Restored without: %1</source>
        <translation>已恢复，但未包含：%1</translation>
    </message>
    <message>
        <source>Restore version “%1”</source>
        <translation>恢复版本“%1”</translation>
    </message>
    <message>
        <source>Version “%1” restored. Undo (Ctrl+Z) goes back.</source>
        <translation>已恢复版本“%1”。撤销（Ctrl+Z）可返回。</translation>
    </message>
    <message>
        <source>OBS did not answer: %1</source>
        <translation>OBS 无响应：%1</translation>
    </message>
</context>
<context>
    <name>TourExport</name>
    <message>
        <source>This tour no longer exists.</source>
        <translation>该导览已不存在。</translation>
    </message>
    <message>
        <source>Export cue cards</source>
        <translation>导出提词卡</translation>
    </message>
    <message>
        <source>Export run of show</source>
        <translation>导出流程单</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Saved %1 (one page).</source>
        <translation>已保存 %1（1 页）。</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages).</source>
        <translation>已保存 %1（共 %2 页）。</translation>
    </message>
    <message>
        <source>The PDF could not be written.</source>
        <translation>无法写入 PDF。</translation>
    </message>
</context>
<context>
    <name>TourFileTransfer</name>
    <message>
        <source>Export tour to file</source>
        <translation>导出导览到文件</translation>
    </message>
    <message>
        <source>Import tour from file</source>
        <translation>从文件导入导览</translation>
    </message>
    <message>
        <source>Curator Console tours (*.cctour)</source>
        <translation>Curator Console 导览 (*.cctour)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Saved the tour “%1” to %2.</source>
        <translation>已将导览“%1”保存到 %2。</translation>
    </message>
    <message>
        <source>%1 segments, %2 objects, %3 products, %4 images. Open the file on the other computer with Tours → New tour → Import tour from file…</source>
        <translation>%1 个环节、%2 件藏品、%3 件商品、%4 张图片。在另一台电脑上通过“导览 → 新建导览 → 从文件导入导览…”打开此文件。</translation>
    </message>
    <message>
        <source>%1 images are not in this computer's media folder, so the file names them but does not carry them: %2</source>
        <translation>有 %1 张图片不在这台电脑的媒体文件夹中，因此文件中只记录了它们的名称，未包含图片本身：%2</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Imported the tour “%1”.</source>
        <translation>已导入导览“%1”。</translation>
    </message>
    <message>
        <source>Objects: %1 new, %2 already there (left as they were).</source>
        <translation>藏品：新增 %1 件，已有 %2 件（保持不变）。</translation>
    </message>
    <message>
        <source>Products: %1 new, %2 already there (left as they were).</source>
        <translation>商品：新增 %1 件，已有 %2 件（保持不变）。</translation>
    </message>
    <message>
        <source>Images copied: %1.</source>
        <translation>已复制图片：%1 张。</translation>
    </message>
    <message>
        <source>A tour titled “%1” was there already, so the imported one is called “%2”.</source>
        <translation>已存在名为“%1”的导览，因此导入的导览命名为“%2”。</translation>
    </message>
    <message>
        <source>The museum “%1” was added from the file.</source>
        <translation>已从文件中添加博物馆“%1”。</translation>
    </message>
    <message>
        <source>The tour could not be exported.</source>
        <translation>无法导出导览。</translation>
    </message>
    <message>
        <source>The tour could not be imported. Nothing was changed.</source>
        <translation>无法导入导览，未做任何更改。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
</context>
<context>
    <name>ToursPage</name>
    <message>
        <source>Tour</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>讲解时长</translation>
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
        <source>New tour</source>
        <translation>新建导览</translation>
    </message>
    <message>
        <source>A new, empty tour (Ctrl+N); the arrow starts one from a template</source>
        <translation>新建空白导览（Ctrl+N）；点击箭头可从模板新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>A copy of the selected tour with all its segments and links</source>
        <translation>复制所选导览及其全部环节和关联</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>Use as a template</source>
        <translation>用作模板</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Delete tour…</source>
        <translation>删除导览…</translation>
    </message>
    <message>
        <source>Export tour to file…</source>
        <translation>导出导览到文件…</translation>
    </message>
    <message>
        <source>One .cctour file with the tour, its objects, products and images, to open on another computer</source>
        <translation>将导览及其藏品、商品和图片打包为一个 .cctour 文件，以便在另一台电脑上打开</translation>
    </message>
    <message>
        <source>Import tour from file…</source>
        <translation>从文件导入导览…</translation>
    </message>
    <message>
        <source>Add a tour exported on another computer (.cctour) as a new tour</source>
        <translation>将在另一台电脑上导出的导览（.cctour）添加为新导览</translation>
    </message>
    <message>
        <source>Show archived tours</source>
        <translation>显示已归档的导览</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>已就绪</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>%1 · template</source>
        <translation>%1 · 模板</translation>
    </message>
    <message>
        <source>Template: new tours can start from it</source>
        <translation>模板：可基于它新建导览</translation>
    </message>
    <message>
        <source>Restore from archive</source>
        <translation>从归档中恢复</translation>
    </message>
    <message>
        <source>Blank tour</source>
        <translation>空白导览</translation>
    </message>
    <message>
        <source>From a template:</source>
        <translation>从模板新建：</translation>
    </message>
    <message>
        <source>%1 (%2 segments)</source>
        <translation>%1（%2 个环节）</translation>
    </message>
    <message>
        <source>No templates yet: mark a tour “Use as a template”</source>
        <translation>暂无模板：可将导览标记为“用作模板”</translation>
    </message>
    <message>
        <source>%1 (new)</source>
        <translation>%1（新）</translation>
    </message>
    <message>
        <source>Title of the tour:</source>
        <translation>导览标题：</translation>
    </message>
    <message>
        <source>New tour “%1”</source>
        <translation>新建导览“%1”</translation>
    </message>
    <message>
        <source>Tour created. Add its first segment with Ctrl+Shift+N.</source>
        <translation>导览已创建。按 Ctrl+Shift+N 添加第一个环节。</translation>
    </message>
    <message>
        <source>Duplicate tour</source>
        <translation>复制导览</translation>
    </message>
    <message>
        <source>Title of the copy:</source>
        <translation>副本标题：</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Duplicate tour “%1”</source>
        <translation>复制导览“%1”</translation>
    </message>
    <message>
        <source>No longer a template</source>
        <translation>不再用作模板</translation>
    </message>
    <message>
        <source>Restore tour from archive</source>
        <translation>从归档中恢复导览</translation>
    </message>
    <message>
        <source>Archive tour</source>
        <translation>归档导览</translation>
    </message>
    <message>
        <source>Tour archived. “Show archived tours” lists it again.</source>
        <translation>导览已归档。勾选“显示已归档的导览”即可再次看到它。</translation>
    </message>
    <message>
        <source>Delete the tour “%1” with its %2 segments?</source>
        <translation>删除导览“%1”及其 %2 个环节？</translation>
    </message>
    <message>
        <source>%1 recorded sessions keep their own copy of the script and stay in Review.</source>
        <translation>%1 个已录制的场次保留各自的讲稿副本，仍会显示在“复盘”中。</translation>
    </message>
    <message>
        <source>You can undo this with Ctrl+Z.</source>
        <translation>可按 Ctrl+Z 撤销此操作。</translation>
    </message>
    <message>
        <source>Delete tour</source>
        <translation>删除导览</translation>
    </message>
    <message>
        <source>Delete tour “%1”</source>
        <translation>删除导览“%1”</translation>
    </message>
    <message>
        <source>Tour deleted. Undo (Ctrl+Z) brings it back.</source>
        <translation>导览已删除。撤销（Ctrl+Z）可恢复。</translation>
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
        <source>Overruns the slot by %1</source>
        <translation>超出时段 %1</translation>
    </message>
    <message>
        <source>Tours</source>
        <translation>导览</translation>
    </message>
    <message>
        <source>Tour “%1” imported.</source>
        <translation>已导入导览“%1”。</translation>
    </message>
    <message>
        <source>Rename tour</source>
        <translation>重命名导览</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>用户指南</translation>
    </message>
    <message>
        <source>The user guide could not be read (%1): %2</source>
        <translation>无法读取用户指南（%1）：%2</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Saved versions</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Changes since the selected version</source>
        <translation>自所选版本以来的更改</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>In the version</source>
        <translation>版本中</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <source>%1
%2 · %3 segments · %4</source>
        <translation>%1
%2 · %3 个环节 · %4</translation>
    </message>
    <message>
        <source>No saved versions yet. Use “Save version…” to keep a snapshot of the tour.</source>
        <translation>暂无已保存的版本。使用“保存版本…”可保存导览的快照。</translation>
    </message>
    <message>
        <source>The tour is the same as this version.</source>
        <translation>导览与此版本相同。</translation>
    </message>
    <message>
        <source>%1 changes since this version:</source>
        <translation>自此版本以来有 %1 处更改：</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主讲人</translation>
    </message>
    <message>
        <source>slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>planned duration</source>
        <translation>计划时长</translation>
    </message>
    <message>
        <source>script</source>
        <translation>讲稿</translation>
    </message>
    <message>
        <source>second-language script</source>
        <translation>第二语言讲稿</translation>
    </message>
    <message>
        <source>objects</source>
        <translation>藏品</translation>
    </message>
    <message>
        <source>products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>cues</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>planned start</source>
        <translation>计划开播时间</translation>
    </message>
    <message>
        <source>segment</source>
        <translation>环节</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Curator Console</source>
        <translation>欢迎使用 Curator Console</translation>
    </message>
    <message>
        <source>Prepare a live-stream tour around your collection, run it with viewers and sales arriving as you speak, and see afterwards what it did for the museum shop. Choose how to begin:</source>
        <translation>围绕你的藏品策划一场直播导览，开播时观众和订单实时涌入，结束后看看它为文创商店带来了什么。选择一种开始方式：</translation>
    </message>
    <message>
        <source>Look around first</source>
        <translation>先随便看看</translation>
    </message>
    <message>
        <source>Start with your collection</source>
        <translation>从你的藏品开始</translation>
    </message>
    <message>
        <source>Bring in your objects from a spreadsheet (CSV), a JSON file or a IIIF manifest; the columns are matched with you before anything is saved.</source>
        <translation>从电子表格（CSV）、JSON 文件或 IIIF 清单导入藏品；保存之前会先和你一起核对各列的对应关系。</translation>
    </message>
    <message>
        <source>Import a collection…</source>
        <translation>导入藏品…</translation>
    </message>
    <message>
        <source>…or from The Met or the Art Institute of Chicago</source>
        <translation>…或从大都会艺术博物馆、芝加哥艺术博物馆导入</translation>
    </message>
    <message>
        <source>Go live on your channel</source>
        <translation>在你的频道开播</translation>
    </message>
    <message>
        <source>Connect YouTube, Twitch, a live-commerce platform, your Shopify store or OBS. Rehearsals need no connection: they run on the built-in simulator.</source>
        <translation>连接 YouTube、Twitch、直播电商平台、你的 Shopify 店铺或 OBS。彩排无需连接：它在内置模拟平台上进行。</translation>
    </message>
    <message>
        <source>Connect a platform…</source>
        <translation>连接平台…</translation>
    </message>
    <message>
        <source>Guided path: from an empty database to your first rehearsal</source>
        <translation>入门引导：从空数据库到第一次彩排</translation>
    </message>
    <message>
        <source>Each step is ticked off as soon as the database holds it. The button beside a step takes you there.</source>
        <translation>数据库中一有相应内容，对应步骤就会打勾。点击步骤旁的按钮即可前往。</translation>
    </message>
    <message>
        <source>Add objects</source>
        <translation>添加藏品</translation>
    </message>
    <message>
        <source>Link shop products</source>
        <translation>关联文创商品</translation>
    </message>
    <message>
        <source>Write a tour</source>
        <translation>编写导览</translation>
    </message>
    <message>
        <source>Check readiness</source>
        <translation>开播检查</translation>
    </message>
    <message>
        <source>Rehearse</source>
        <translation>彩排</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The demo museum keeps a database of its own: your data is never mixed with it, and the next start opens your own database again. Help → Getting started brings this page back at any time; Help → User guide explains every step.</source>
        <translation>演示博物馆使用单独的数据库：不会与你的数据混在一起，下次启动时会重新打开你自己的数据库。随时可以通过“帮助 → 快速入门”回到本页；“帮助 → 用户指南”详细介绍每一步。</translation>
    </message>
    <message>
        <source>Opening the demo museum…</source>
        <translation>正在打开演示博物馆…</translation>
    </message>
    <message>
        <source>The demo museum is open</source>
        <translation>演示博物馆已打开</translation>
    </message>
    <message>
        <source>Open the demo museum</source>
        <translation>打开演示博物馆</translation>
    </message>
    <message>
        <source>You are looking at the demo museum: its objects, shop products, tours, a template and past sessions to review.</source>
        <translation>你正在查看演示博物馆：其中有藏品、文创商品、导览、一个模板，以及可供复盘的往期场次。</translation>
    </message>
    <message>
        <source>A small museum with objects, shop products, two tours, a template and three past sessions to review. It has a database of its own.</source>
        <translation>一座小型博物馆，含藏品、文创商品、两场导览、一个模板和三场可供复盘的往期场次。它使用单独的数据库。</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1，共 %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>The collection holds %1 objects.</source>
        <translation>藏品库中有 %1 件藏品。</translation>
    </message>
    <message>
        <source>Open the Collection</source>
        <translation>打开“藏品”</translation>
    </message>
    <message>
        <source>Import your collection (or open the demo museum to try everything first). Objects carry the titles, dates, images and image rights your tour talks about.</source>
        <translation>导入你的藏品（也可以先打开演示博物馆试用全部功能）。藏品记录导览要讲到的名称、年代、图片和图片版权。</translation>
    </message>
    <message>
        <source>%1 of %2 shop products are linked to objects.</source>
        <translation>%2 件文创商品中有 %1 件已关联藏品。</translation>
    </message>
    <message>
        <source>%1 shop products, none linked to an object yet: in the Store, link each product to the objects it belongs to.</source>
        <translation>已有 %1 件文创商品，但都还没有关联藏品：请在“文创商店”中把每件商品关联到对应的藏品。</translation>
    </message>
    <message>
        <source>In the Store, import the shop's products (a Shopify CSV export works) or add them, and link each to the objects it belongs to, so a tour can feature them.</source>
        <translation>在“文创商店”中导入（可用 Shopify 导出的 CSV）或添加商品，并把每件商品关联到对应的藏品，导览中才能推荐它们。</translation>
    </message>
    <message>
        <source>Open the Store</source>
        <translation>打开“文创商店”</translation>
    </message>
    <message>
        <source>Tours with segments: %1.</source>
        <translation>已有环节的导览：%1 场。</translation>
    </message>
    <message>
        <source>Open Tours</source>
        <translation>打开“导览”</translation>
    </message>
    <message>
        <source>Create a tour in Tours (the arrow beside New tour starts one from a template), then add its segments: the objects shown, the products featured and what you will say.</source>
        <translation>在“导览”中新建导览（“新建导览”旁的箭头可从模板新建），然后添加环节：要展示的藏品、要推荐的商品和讲稿。</translation>
    </message>
    <message>
        <source>New tour…</source>
        <translation>新建导览…</translation>
    </message>
    <message>
        <source>“%1” is ready to go live.</source>
        <translation>“%1”已可以开播。</translation>
    </message>
    <message>
        <source>The readiness check beside “%1” lists what to fix first: missing scripts, image rights, prices, stock, a tour longer than its slot.</source>
        <translation>“%1”旁的开播检查列出了需要先处理的问题：缺少讲稿、图片版权、价格、库存、导览超出时段等。</translation>
    </message>
    <message>
        <source>Once a tour has segments, its readiness check lists what to fix before going live.</source>
        <translation>导览有了环节之后，开播检查会列出开播前需要处理的问题。</translation>
    </message>
    <message>
        <source>Sessions so far: %1 (rehearsals: %2). The Review workspace shows what each one did for the shop.</source>
        <translation>已有场次：%1（其中彩排 %2 场）。“复盘”工作区会显示每一场为商店带来了什么。</translation>
    </message>
    <message>
        <source>Run the tour on the built-in simulator: a simulated audience and shop react while you speak, and nothing goes out to real viewers.</source>
        <translation>在内置模拟平台上演练导览：讲解时，模拟的观众和商店会实时响应，不会有任何内容发给真实观众。</translation>
    </message>
    <message>
        <source>Start a rehearsal…</source>
        <translation>开始彩排…</translation>
    </message>
    <message>
        <source>Write a tour with at least one segment first</source>
        <translation>请先编写至少包含一个环节的导览</translation>
    </message>
    <message>
        <source>Create a tour first</source>
        <translation>请先新建导览</translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <source>Could not complete the action</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>_PickerDialog</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
</TS>