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
        <source>Enter the manifest&apos;s web address, starting with https://.</source>
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
    <name>MappingDialog</name>
    <message>
        <source>Curator Console does not know this column&apos;s name, so it is not imported unless you choose a field.</source>
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
        <source>No column is mapped to Object number. Choose the column that holds each object&apos;s number (the number objects are matched by).</source>
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
        <source>Tours that show this object</source>
        <translation>展示此藏品的导览</translation>
    </message>
    <message>
        <source>Close the editor (Esc)</source>
        <translation>关闭编辑器（Esc）</translation>
    </message>
    <message>
        <source>Close the editor</source>
        <translation>关闭编辑器</translation>
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
        <source>This is too long: at most %1 characters.</source>
        <translation>内容过长：最多 %1 个字符。</translation>
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
        <source>Images (%1)</source>
        <translation>图片 (%1)</translation>
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
        <source>Search a museum&apos;s open collection, tick the objects you want, and import them with their images. Objects already in your collection (same object number) are updated.</source>
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
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
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
