<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Track {0}</source>
        <extracomment>Wait this long between the end of one item and the start of the next.</extracomment>
        <translation>轨道 {0}</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>What the analysis is doing, and the files it could not read.</source>
        <translation>分析正在做什么，以及无法读取的文件。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>What failed</source>
        <translation>失败的步骤</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Retry selected</source>
        <translation>重试所选</translation>
    </message>
    <message>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <source>No failures</source>
        <translation>没有失败</translation>
    </message>
    <message>
        <source>Every file that was analysed was read without trouble.</source>
        <translation>已分析的文件都顺利读取。</translation>
    </message>
    <message>
        <source>Showing the first {0} of {1} failures.</source>
        <translation>显示 {1} 个失败中的前 {0} 个。</translation>
    </message>
    <message>
        <source>reading the file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>analysing its {0}</source>
        <translation>分析{0}</translation>
    </message>
</context>
<context>
    <name>AlbumView</name>
    <message>
        <source>ALBUM</source>
        <translation>专辑</translation>
    </message>
    <message>
        <source>▶  Play album</source>
        <translation>▶  播放专辑</translation>
    </message>
    <message>
        <source>⤮  Shuffle</source>
        <translation>⤮  随机播放</translation>
    </message>
</context>
<context>
    <name>AlbumsPage</name>
    <message>
        <source>Albums</source>
        <translation>专辑</translation>
    </message>
    <message>
        <source>{0} albums</source>
        <translation>{0} 张专辑</translation>
    </message>
    <message>
        <source>No albums yet</source>
        <translation>还没有专辑</translation>
    </message>
    <message>
        <source>Music with album tags appears here, one cover per album.</source>
        <translation>带有专辑标签的音乐会显示在这里，每张专辑一个封面。</translation>
    </message>
</context>
<context>
    <name>ArtistView</name>
    <message>
        <source>ARTIST</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <source>⤮  Shuffle</source>
        <translation>⤮  随机播放</translation>
    </message>
    <message>
        <source>Albums</source>
        <translation>专辑</translation>
    </message>
    <message>
        <source>Appears on</source>
        <translation>参与的专辑</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>曲目</translation>
    </message>
</context>
<context>
    <name>ArtistsPage</name>
    <message>
        <source>Artists</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>{0} artists</source>
        <translation>{0} 位艺人</translation>
    </message>
    <message>
        <source>No artists yet</source>
        <translation>还没有艺人</translation>
    </message>
    <message>
        <source>Music appears here grouped by artist, from its tags.</source>
        <translation>音乐会按其标签中的艺人分组显示在这里。</translation>
    </message>
</context>
<context>
    <name>Aspects</name>
    <message>
        <source>picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>preview</source>
        <translation>预览图</translation>
    </message>
    <message>
        <source>sound</source>
        <translation>声音</translation>
    </message>
    <message>
        <source>musical style</source>
        <translation>音乐风格</translation>
    </message>
    <message>
        <source>words</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>file details</source>
        <translation>文件信息</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>综合描述</translation>
    </message>
    <message>
        <source>sound events</source>
        <translation>声音事件</translation>
    </message>
    <message>
        <source>what is said</source>
        <translation>所说内容</translation>
    </message>
    <message>
        <source>text on screen</source>
        <translation>画面文字</translation>
    </message>
    <message>
        <source>faces and people</source>
        <translation>人脸与人物</translation>
    </message>
    <message>
        <source>meaning in any language</source>
        <translation>多语言含义</translation>
    </message>
    <message>
        <source>Finds what looks alike</source>
        <translation>查找看起来相似的内容</translation>
    </message>
    <message>
        <source>Finds what sounds alike</source>
        <translation>查找听起来相似的内容</translation>
    </message>
    <message>
        <source>Finds files with the same kinds of sound</source>
        <translation>查找声音种类相同的文件</translation>
    </message>
    <message>
        <source>Finds music of a similar style</source>
        <translation>查找风格相似的音乐</translation>
    </message>
    <message>
        <source>Finds what means the same</source>
        <translation>查找含义相近的内容</translation>
    </message>
    <message>
        <source>Matches what you type to what was seen and heard</source>
        <translation>将你输入的文字与看到、听到的内容匹配</translation>
    </message>
    <message>
        <source>Finds similar files ({0})</source>
        <translation>查找相似文件（{0}）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未看完</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>More like this</source>
        <translation>更多类似内容</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技术详情</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>once</source>
        <translation>1 次</translation>
    </message>
    <message>
        <source>twice</source>
        <translation>2 次</translation>
    </message>
    <message numerus="yes">
        <source>%n times</source>
        <translation>
            <numerusform>%n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Analysed: {0}</source>
        <translation>已分析：{0}</translation>
    </message>
    <message>
        <source>Could not analyse: {0}</source>
        <translation>无法分析：{0}</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>{0} s</source>
        <translation>{0} 秒</translation>
    </message>
    <message>
        <source>failed: {0}</source>
        <translation>失败：{0}</translation>
    </message>
    <message>
        <source>Tag scores</source>
        <translation>标签分数</translation>
    </message>
    <message>
        <source>Content id</source>
        <translation>内容 ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Played</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>unavailable (file or disk missing)</source>
        <translation>不可用（文件或磁盘缺失）</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Only weak tags so far.</source>
        <translation>目前只有置信度较低的标签。</translation>
    </message>
    <message>
        <source>No tags yet: they appear when analysis finishes.</source>
        <translation>暂无标签：分析完成后会显示。</translation>
    </message>
    <message>
        <source>Not analysed yet.</source>
        <translation>尚未分析。</translation>
    </message>
</context>
<context>
    <name>EndedPanel</name>
    <message>
        <source>Finished</source>
        <translation>播放完毕</translation>
    </message>
    <message>
        <source>Play again</source>
        <translation>再放一次</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>You played all {0} items of the queue.</source>
        <translation>播放队列中的 {0} 项已全部播完。</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>The indexer stopped unexpectedly.</source>
        <extracomment>(kind, path, sentence): the database cannot be written (see services.fault_event)</extracomment>
        <translation>索引进程意外停止。</translation>
    </message>
</context>
<context>
    <name>FaultWords</name>
    <message>
        <source>The library database {0} is damaged.</source>
        <extracomment>The faults a backup can mend (the others need the user: space, permissions, an upgrade).</extracomment>
        <translation>媒体库数据库 {0} 已损坏。</translation>
    </message>
    <message>
        <source>The library database {0} is missing.</source>
        <translation>媒体库数据库 {0} 不见了。</translation>
    </message>
    <message>
        <source>The library database {0} was deleted or replaced while Medialens was running.</source>
        <translation>Medialens 运行期间，媒体库数据库 {0} 被删除或替换了。</translation>
    </message>
    <message>
        <source>The library database {0} is read-only.</source>
        <translation>媒体库数据库 {0} 是只读的。</translation>
    </message>
    <message>
        <source>The library database {0} was written by a newer version of Medialens.</source>
        <translation>媒体库数据库 {0} 是由更新版本的 Medialens 写入的。</translation>
    </message>
    <message>
        <source>The disk holding the library database ({0}) is full.</source>
        <translation>存放媒体库数据库的磁盘（{0}）已满。</translation>
    </message>
    <message>
        <source>The library database {0} cannot be used.</source>
        <translation>无法使用媒体库数据库 {0}。</translation>
    </message>
    <message>
        <source>It was left untouched. Restoring it puts back the newest good backup and the whole playback history (from a terminal: medialens doctor --restore).</source>
        <translation>它保持原样，未被改动。恢复会放回最新的完好备份和全部播放历史（也可在终端运行：medialens doctor --restore）。</translation>
    </message>
    <message>
        <source>If it is on a disk that is not mounted, mount it and start Medialens again. Otherwise restore it: the newest backup and the whole playback history come back (from a terminal: medialens doctor --restore; medialens doctor --rebuild starts afresh with your folders and history).</source>
        <translation>如果它所在的磁盘尚未挂载，请挂载后重新启动 Medialens。否则请恢复它：最新的备份和全部播放历史都会回来（也可在终端运行：medialens doctor --restore；medialens doctor --rebuild 会用你的文件夹和播放历史重新开始）。</translation>
    </message>
    <message>
        <source>Indexing stopped so that nothing more is written into a lost file. Quit Medialens and run medialens doctor to see what is there now.</source>
        <translation>索引已停止，以免再向丢失的文件写入任何内容。请退出 Medialens，并运行 medialens doctor 查看现在的情况。</translation>
    </message>
    <message>
        <source>Medialens must be able to write to it and to its folder: make them writable (or remount the disk read-write), or start with another --data-dir.</source>
        <translation>Medialens 必须能写入该文件及其所在文件夹：请让它们可写（或以读写方式重新挂载磁盘），或用另一个 --data-dir 启动。</translation>
    </message>
    <message>
        <source>Upgrade Medialens to open it; the file was left untouched.</source>
        <translation>请升级 Medialens 后再打开它；该文件保持原样，未被改动。</translation>
    </message>
    <message>
        <source>Indexing is paused and resumes by itself when there is space again; nothing stored so far is lost. Free some space on that disk.</source>
        <translation>索引已暂停，有空间后会自动继续；已保存的内容都不会丢失。请在该磁盘上腾出一些空间。</translation>
    </message>
    <message>
        <source>The file was left untouched; medialens doctor says more.</source>
        <translation>该文件保持原样，未被改动；运行 medialens doctor 可了解更多。</translation>
    </message>
    <message>
        <source>Indexing paused: the disk is full (it resumes when there is space)</source>
        <translation>索引已暂停：磁盘已满（有空间后会继续）</translation>
    </message>
    <message>
        <source>Indexing stopped: the library database cannot be written</source>
        <translation>索引已停止：无法写入媒体库数据库</translation>
    </message>
    <message>
        <source>Medialens cannot open your library</source>
        <translation>Medialens 无法打开你的媒体库</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Restoring the library from its newest good backup…</source>
        <translation>正在从最新的完好备份恢复媒体库…</translation>
    </message>
    <message>
        <source>The library could not be restored.</source>
        <translation>无法恢复媒体库。</translation>
    </message>
</context>
<context>
    <name>FoldersPage</name>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Medialens watches these folders and picks up new, changed and moved files by itself.</source>
        <translation>Medialens 会监视这些文件夹，自动发现新增、修改和移动的文件。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <source>Last scan</source>
        <translation>上次扫描</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Forget this folder&apos;s files (their playback history is kept)</source>
        <translation>忘记此文件夹中的文件（保留播放记录）</translation>
    </message>
    <message>
        <source>Rescan now</source>
        <translation>立即重新扫描</translation>
    </message>
    <message>
        <source>No folders yet</source>
        <translation>还没有文件夹</translation>
    </message>
    <message>
        <source>Add the folders where your videos and music live.</source>
        <translation>添加存放视频和音乐的文件夹。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unavailable: {0}</source>
        <translation>不可用：{0}</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <source>Remove {0} from the library? The files stay on disk and their playback history is kept.</source>
        <translation>从媒体库中移除 {0}？文件仍保留在磁盘上，播放记录也会保留。</translation>
    </message>
</context>
<context>
    <name>ForYouPage</name>
    <message>
        <source>For you</source>
        <translation>为你推荐</translation>
    </message>
    <message>
        <source>Picked from what you play, like and add. Everything is worked out on this computer.</source>
        <translation>根据你的播放、喜好和新增内容挑选，全部在这台电脑上计算。</translation>
    </message>
    <message>
        <source>Nothing to suggest yet</source>
        <translation>暂时没有推荐</translation>
    </message>
    <message>
        <source>Add a folder with videos or music; suggestions appear as soon as files are found.</source>
        <translation>添加包含视频或音乐的文件夹，发现文件后就会出现推荐。</translation>
    </message>
    <message>
        <source>Continue watching</source>
        <translation>继续观看</translation>
    </message>
    <message>
        <source>New for you</source>
        <translation>新增内容</translation>
    </message>
    <message>
        <source>Because you played {0}</source>
        <translation>因为你播放过 {0}</translation>
    </message>
    <message>
        <source>Show in library</source>
        <translation>在媒体库中显示</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Artist / album</source>
        <translation>艺人 / 专辑</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Last played</source>
        <translation>上次播放</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Recently added</source>
        <translation>最近添加</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Artist / album</source>
        <translation>艺人 / 专辑</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Recently played</source>
        <translation>最近播放</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 项</translation>
    </message>
    <message>
        <source>{0} items</source>
        <translation>{0} 项</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play similar</source>
        <translation>播放相似内容</translation>
    </message>
    <message>
        <source>Play next</source>
        <translation>接着播放</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>添加到播放队列</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Medialens</source>
        <translation>Medialens</translation>
    </message>
    <message>
        <source>DISCOVER</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>LIBRARY</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <source>MANAGE</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>✦  For you</source>
        <translation>✦  为你推荐</translation>
    </message>
    <message>
        <source>▦  All</source>
        <translation>▦  全部</translation>
    </message>
    <message>
        <source>▶  Video</source>
        <translation>▶  视频</translation>
    </message>
    <message>
        <source>♪  Music</source>
        <translation>♪  音乐</translation>
    </message>
    <message>
        <source>♫  Artists</source>
        <translation>♫  艺人</translation>
    </message>
    <message>
        <source>◎  Albums</source>
        <translation>◎  专辑</translation>
    </message>
    <message>
        <source>❝  Spoken word</source>
        <translation>❝  语音</translation>
    </message>
    <message>
        <source>≋  Sound effects</source>
        <translation>≋  音效</translation>
    </message>
    <message>
        <source>▤  Folders</source>
        <translation>▤  文件夹</translation>
    </message>
    <message>
        <source>◈  Plugins</source>
        <translation>◈  插件</translation>
    </message>
    <message>
        <source>◔  Activity</source>
        <translation>◔  活动</translation>
    </message>
    <message>
        <source>⚙  Settings</source>
        <translation>⚙  设置</translation>
    </message>
    <message>
        <source>Search titles, artists, tags, what is said…  (Ctrl+F)</source>
        <translation>搜索标题、艺人、标签、语音内容…  (Ctrl+F)</translation>
    </message>
    <message>
        <source>All media</source>
        <translation>全部媒体</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Spoken word</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Sound effects</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>Loading your library…</source>
        <translation>正在加载媒体库…</translation>
    </message>
    <message>
        <source>Looking for media…</source>
        <translation>正在查找媒体…</translation>
    </message>
    <message>
        <source>Files appear here as soon as they are found.</source>
        <translation>文件一经发现就会显示在这里。</translation>
    </message>
    <message>
        <source>Your library is empty</source>
        <translation>媒体库是空的</translation>
    </message>
    <message>
        <source>Add a folder with videos or music to get started.</source>
        <translation>添加包含视频或音乐的文件夹即可开始。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>No videos yet</source>
        <translation>还没有视频</translation>
    </message>
    <message>
        <source>Videos in your folders appear here.</source>
        <translation>文件夹中的视频会显示在这里。</translation>
    </message>
    <message>
        <source>Sorting out your audio…</source>
        <translation>正在整理你的音频…</translation>
    </message>
    <message>
        <source>Audio files are being sorted into music, spoken word and sound effects; they appear here as soon as they are recognised.</source>
        <translation>音频文件正在被分为音乐、语音和音效；识别后会立即显示在这里。</translation>
    </message>
    <message>
        <source>No music yet</source>
        <translation>还没有音乐</translation>
    </message>
    <message>
        <source>Music in your folders appears here.</source>
        <translation>文件夹中的音乐会显示在这里。</translation>
    </message>
    <message>
        <source>No spoken word yet</source>
        <translation>还没有语音内容</translation>
    </message>
    <message>
        <source>Talks, audiobooks, podcasts and voice recordings appear here.</source>
        <translation>讲座、有声书、播客和录音会显示在这里。</translation>
    </message>
    <message>
        <source>No sound effects yet</source>
        <translation>还没有音效</translation>
    </message>
    <message>
        <source>Short sounds that are neither music nor speech appear here.</source>
        <translation>既不是音乐也不是语音的短声音会显示在这里。</translation>
    </message>
    <message>
        <source>No media found</source>
        <translation>没有找到媒体</translation>
    </message>
    <message>
        <source>None of the files in your folders could be played.</source>
        <translation>文件夹中没有可播放的文件。</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>没有找到结果</translation>
    </message>
    <message>
        <source>Try other words: titles, artists, tags and speech are searched.</source>
        <translation>换个词试试：会搜索标题、艺人、标签和语音内容。</translation>
    </message>
    <message>
        <source>Results for “{0}”</source>
        <translation>“{0}”的搜索结果</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>向媒体库添加文件夹</translation>
    </message>
    <message>
        <source>Added {0}</source>
        <translation>已添加 {0}</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <source>Liked “{0}”</source>
        <translation>已喜欢“{0}”</translation>
    </message>
    <message>
        <source>Disliked “{0}”: you will see less like it</source>
        <translation>已标记不喜欢“{0}”：类似内容会减少</translation>
    </message>
    <message>
        <source>“{0}” will not be suggested again</source>
        <translation>不会再推荐“{0}”</translation>
    </message>
</context>
<context>
    <name>MissingPlayer</name>
    <message>
        <source>Playback is not available</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <source>Qt Multimedia could not be loaded: {0}</source>
        <translation>无法加载 Qt Multimedia：{0}</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <source>Spoken word</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>Sound effect</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
</context>
<context>
    <name>Music</name>
    <message>
        <source>Various artists</source>
        <translation>群星</translation>
    </message>
    <message>
        <source>Unknown artist</source>
        <translation>未知艺人</translation>
    </message>
    <message>
        <source>Unknown album</source>
        <translation>未知专辑</translation>
    </message>
    <message>
        <source>1 album</source>
        <translation>1 张专辑</translation>
    </message>
    <message>
        <source>{0} albums</source>
        <translation>{0} 张专辑</translation>
    </message>
    <message>
        <source>1 track</source>
        <translation>1 首曲目</translation>
    </message>
    <message>
        <source>{0} tracks</source>
        <translation>{0} 首曲目</translation>
    </message>
    <message>
        <source>Loading your music…</source>
        <translation>正在载入你的音乐…</translation>
    </message>
    <message>
        <source>Your library is empty</source>
        <translation>媒体库是空的</translation>
    </message>
    <message>
        <source>Add a folder with music to get started.</source>
        <translation>添加一个包含音乐的文件夹即可开始。</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Looking for music…</source>
        <translation>正在查找音乐…</translation>
    </message>
    <message>
        <source>{0} audio files are still being sorted into music, spoken word and sound effects. Music appears here as soon as it is recognised.</source>
        <translation>还有 {0} 个音频文件正在被分为音乐、语音和音效。识别出的音乐会立即显示在这里。</translation>
    </message>
    <message>
        <source>Music appears here as soon as it is found.</source>
        <translation>找到的音乐会立即显示在这里。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>随机播放</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>NowPlayingBar</name>
    <message>
        <source>Show player</source>
        <translation>显示播放器</translation>
    </message>
    <message>
        <source>Back to what is playing</source>
        <translation>回到正在播放的内容</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>Back to where you were (Esc)</source>
        <translation>返回之前的页面 (Esc)</translation>
    </message>
    <message>
        <source>Previous (P)</source>
        <translation>上一个 (P)</translation>
    </message>
    <message>
        <source>Next (N)</source>
        <translation>下一个 (N)</translation>
    </message>
    <message>
        <source>Mute (M)</source>
        <translation>静音 (M)</translation>
    </message>
    <message>
        <source>Volume (↑ ↓)</source>
        <translation>音量 (↑ ↓)</translation>
    </message>
    <message>
        <source>Click or drag to seek (← →)</source>
        <translation>点击或拖动以跳转 (← →)</translation>
    </message>
    <message>
        <source>Full screen (F)</source>
        <translation>全屏 (F)</translation>
    </message>
    <message>
        <source>Shuffle</source>
        <translation>随机播放</translation>
    </message>
    <message>
        <source>Play what comes next in a random order (S)</source>
        <translation>以随机顺序播放接下来的内容 (S)</translation>
    </message>
    <message>
        <source>Play similar</source>
        <translation>播放相似内容</translation>
    </message>
    <message>
        <source>Keep playing things like this one, learning from what you skip</source>
        <translation>继续播放与此相似的内容，并从你跳过的内容中学习</translation>
    </message>
    <message>
        <source>Audio &amp; subtitles</source>
        <translation>音轨和字幕</translation>
    </message>
    <message>
        <source>Choose the audio track and the subtitles</source>
        <translation>选择音轨和字幕</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Jump to a chapter</source>
        <translation>跳到某一章节</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>接下来播放</translation>
    </message>
    <message>
        <source>Show or hide the queue (Q)</source>
        <translation>显示或隐藏播放队列 (Q)</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>暂停 (空格)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>播放 (空格)</translation>
    </message>
    <message>
        <source>Repeat: off</source>
        <translation>重复：关</translation>
    </message>
    <message>
        <source>Repeat: all</source>
        <translation>重复：全部</translation>
    </message>
    <message>
        <source>Repeat: one</source>
        <translation>重复：单曲</translation>
    </message>
    <message>
        <source>Repeat nothing, the queue, or this item (R)</source>
        <translation>不重复、重复整个队列或只重复这一项 (R)</translation>
    </message>
    <message>
        <source>No audio output device was found: playback is silent. Connect speakers or headphones and it will be used.</source>
        <translation>未找到音频输出设备：播放没有声音。连接扬声器或耳机后会自动使用。</translation>
    </message>
    <message>
        <source>More is queued: press Next to go on.</source>
        <translation>队列中还有内容：按“下一个”继续。</translation>
    </message>
    <message>
        <source>Radio: more like “{0}”, learning from what you skip</source>
        <translation>电台：更多类似“{0}”的内容，并从你跳过的内容中学习</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{0} (file beside the video)</source>
        <translation>{0}（视频旁的文件）</translation>
    </message>
    <message>
        <source>Cannot play this file: {0}</source>
        <translation>无法播放此文件：{0}</translation>
    </message>
</context>
<context>
    <name>PluginsPage</name>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Plugins analyse your files (labels, moods, speech…). Turn off what you do not need; results already stored stay.</source>
        <translation>插件负责分析你的文件（标签、情绪、语音…）。可以关闭不需要的插件，已保存的结果会保留。</translation>
    </message>
    <message>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Incompatible</source>
        <translation>不兼容</translation>
    </message>
    <message>
        <source>Malfunctioned</source>
        <translation>出错</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Produces</source>
        <translation>产出</translation>
    </message>
    <message>
        <source>Files done</source>
        <translation>已处理文件</translation>
    </message>
    <message>
        <source>Retry failures</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <source>Try again the files this plugin failed on</source>
        <translation>重新处理此插件失败的文件</translation>
    </message>
    <message>
        <source>Re-run on every file</source>
        <translation>对所有文件重新运行</translation>
    </message>
    <message>
        <source>Forget what this plugin stored and analyse every file again</source>
        <translation>清除此插件保存的结果并重新分析所有文件</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技术详情</translation>
    </message>
    <message>
        <source>Loading plugins…</source>
        <translation>正在加载插件…</translation>
    </message>
    <message>
        <source>Plugins load in the background after the window opens.</source>
        <translation>窗口打开后插件会在后台加载。</translation>
    </message>
    <message>
        <source>Search understands meaning with:</source>
        <translation>搜索理解词义所用：</translation>
    </message>
    <message>
        <source>No active plugin offers a text embedder, so search matches words only.</source>
        <translation>没有启用的插件提供文本嵌入模型，因此搜索只匹配字词。</translation>
    </message>
    <message>
        <source>Automatic (first offered)</source>
        <translation>自动（第一个提供的）</translation>
    </message>
    <message>
        <source>{0} (plugin {1})</source>
        <translation>{0}（插件 {1}）</translation>
    </message>
    <message>
        <source>in use: {0} (plugin {1})</source>
        <translation>正在使用：{0}（插件 {1}）</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Searchable text</source>
        <translation>可搜索的文本</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>测量值</translation>
    </message>
    <message>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Keyframe hashes</source>
        <translation>关键帧哈希</translation>
    </message>
    <message>
        <source>What is said</source>
        <translation>所说内容</translation>
    </message>
    <message>
        <source>Text on screen</source>
        <translation>画面文字</translation>
    </message>
    <message>
        <source>Included</source>
        <translation>随附</translation>
    </message>
    <message>
        <source>Made for another version of Medialens</source>
        <translation>为其他版本的 Medialens 编写</translation>
    </message>
    <message>
        <source>Its extractors require each other in a circle, so none can run</source>
        <translation>其提取器相互依赖成环，无法运行</translation>
    </message>
    <message>
        <source>Could not be loaded</source>
        <translation>无法加载</translation>
    </message>
    <message>
        <source>Stopped after failing on several files in a row; enable it to retry</source>
        <translation>连续多个文件处理失败，已停止；启用即可重试</translation>
    </message>
    <message>
        <source>{0} stopped after failing on several files in a row; enable it to retry</source>
        <translation>{0} 连续多个文件处理失败，已停止；启用即可重试</translation>
    </message>
    <message>
        <source>Something went wrong; see the technical details</source>
        <translation>出现问题，请查看技术详情</translation>
    </message>
    <message>
        <source>{0}, used to understand search queries</source>
        <translation>{0}，用于理解搜索词</translation>
    </message>
    <message>
        <source>{0}, not used (another plugin&apos;s is)</source>
        <translation>{0}，未使用（正在使用其他插件的）</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Plugin API</source>
        <translation>插件 API</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>软件包</translation>
    </message>
    <message>
        <source>part of Medialens</source>
        <translation>Medialens 自带</translation>
    </message>
    <message>
        <source>Files failed</source>
        <translation>失败文件数</translation>
    </message>
    <message>
        <source>vector {0}: {1} dimensions, {2}</source>
        <translation>向量 {0}：{1} 维，{2}</translation>
    </message>
    <message>
        <source>{0} labels, such as {1}</source>
        <translation>{0} 个标签，例如 {1}</translation>
    </message>
    <message>
        <source>measurements: {0}</source>
        <translation>测量值：{0}</translation>
    </message>
    <message>
        <source>Extractor {0}</source>
        <translation>提取器 {0}</translation>
    </message>
    <message>
        <source>Extractor {0} stopped</source>
        <translation>提取器 {0} 已停止</translation>
    </message>
    <message>
        <source>Text embedder</source>
        <translation>文本嵌入模型</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Audio and video files</source>
        <translation>音频和视频文件</translation>
    </message>
    <message>
        <source>{0} files</source>
        <translation>{0}文件</translation>
    </message>
    <message>
        <source>Nothing declared</source>
        <translation>未声明输出</translation>
    </message>
    <message>
        <source>Part of this plugin</source>
        <translation>此插件的一部分</translation>
    </message>
    <message>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>Third-party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>{0} failed</source>
        <translation>{0} 个失败</translation>
    </message>
    <message>
        <source>Plugins could not be loaded</source>
        <translation>无法加载插件</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Enable again</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Re-run plugin</source>
        <translation>重新运行插件</translation>
    </message>
    <message>
        <source>Forget everything {0} stored and analyse every file again? This can take a while.</source>
        <translation>清除 {0} 保存的所有结果并重新分析每个文件？这可能需要一些时间。</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>A tour of your library</source>
        <extracomment>The template of every reason key (see medialens.core.reasons for the arguments).</extracomment>
        <translation>带你逛逛媒体库</translation>
    </message>
    <message>
        <source>Something different to try</source>
        <translation>换换口味</translation>
    </message>
    <message>
        <source>Suggested from your history</source>
        <translation>根据你的记录推荐</translation>
    </message>
    <message>
        <source>You liked this</source>
        <translation>你喜欢过</translation>
    </message>
    <message>
        <source>You played this to the end</source>
        <translation>你完整播放过</translation>
    </message>
    <message>
        <source>You played this</source>
        <translation>你播放过</translation>
    </message>
    <message>
        <source>Because you played {title}</source>
        <translation>因为你播放过 {title}</translation>
    </message>
    <message>
        <source>Because you liked {title}</source>
        <translation>因为你喜欢 {title}</translation>
    </message>
    <message>
        <source>Like {title}</source>
        <translation>与 {title} 相似</translation>
    </message>
    <message>
        <source>You often like: {tags}</source>
        <translation>你常喜欢：{tags}</translation>
    </message>
    <message>
        <source>Added {days} days ago</source>
        <translation>{days} 天前添加</translation>
    </message>
    <message>
        <source>Resume at {position} of {duration}</source>
        <translation>从 {position} 继续（共 {duration}）</translation>
    </message>
    <message>
        <source>Resume at {position}</source>
        <translation>从 {position} 继续</translation>
    </message>
    <message>
        <source>matches the words: {words}</source>
        <translation>包含词语：{words}</translation>
    </message>
    <message>
        <source>similar meaning</source>
        <translation>意思相近</translation>
    </message>
    <message>
        <source>on screen: {tag}</source>
        <translation>画面中：{tag}</translation>
    </message>
    <message>
        <source>sounds like: {tag}</source>
        <translation>听起来像：{tag}</translation>
    </message>
    <message>
        <source>tagged: {tag}</source>
        <translation>标签：{tag}</translation>
    </message>
    <message>
        <source>says: &quot;{quote}&quot;</source>
        <translation>说：“{quote}”</translation>
    </message>
    <message>
        <source>at {at}: &quot;{quote}&quot;</source>
        <translation>{at} 处：“{quote}”</translation>
    </message>
    <message>
        <source>on screen: &quot;{quote}&quot;</source>
        <translation>画面文字：“{quote}”</translation>
    </message>
    <message>
        <source>on screen at {at}: &quot;{quote}&quot;</source>
        <translation>{at} 处画面文字：“{quote}”</translation>
    </message>
    <message>
        <source>kind: {kind}</source>
        <translation>类型：{kind}</translation>
    </message>
    <message>
        <source>looks alike</source>
        <translation>画面相似</translation>
    </message>
    <message>
        <source>sounds alike</source>
        <translation>听感相似</translation>
    </message>
    <message>
        <source>similar in sound</source>
        <translation>声音相似</translation>
    </message>
    <message>
        <source>similar words</source>
        <translation>文字相似</translation>
    </message>
    <message>
        <source>similar content</source>
        <translation>内容相似</translation>
    </message>
    <message>
        <source>similar</source>
        <translation>相似</translation>
    </message>
    <message>
        <source>music</source>
        <extracomment>The kinds a kind query names (``is_kind``), as the reason shows them.</extracomment>
        <translation>音乐</translation>
    </message>
    <message>
        <source>speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <source>sound effect</source>
        <translation>音效</translation>
    </message>
    <message>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>; </source>
        <extracomment>Between two reasons on one line, and between the items of a list (tags, words).</extracomment>
        <translation>；</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Added today</source>
        <translation>今天添加</translation>
    </message>
    <message>
        <source>Added yesterday</source>
        <translation>昨天添加</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Searching by words only: {0}</source>
        <extracomment>files by sidebar entry (see Catalog.counts), read with the fingerprint</extracomment>
        <translation>仅按字词搜索：{0}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Medialens works entirely offline. These settings are stored with your library.</source>
        <translation>Medialens 完全离线工作。这些设置与媒体库保存在一起。</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <source>Loading plugins…</source>
        <translation>正在加载插件…</translation>
    </message>
    <message>
        <source>No installed plugin has settings.</source>
        <translation>已安装的插件都没有设置项。</translation>
    </message>
    <message>
        <source>Changes apply to files analysed from now on; re-run a plugin on the Plugins page to apply them to every file.</source>
        <translation>更改只对今后分析的文件生效；在“插件”页面重新运行插件即可应用到所有文件。</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Analysis threads</source>
        <translation>分析线程数</translation>
    </message>
    <message>
        <source>Pause history</source>
        <translation>暂停记录</translation>
    </message>
    <message>
        <source>Playback history</source>
        <translation>播放记录</translation>
    </message>
    <message>
        <source>Data location</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Manage folders…</source>
        <translation>管理文件夹…</translation>
    </message>
    <message>
        <source>How many files are analysed at once. Fewer keeps the computer quieter.</source>
        <translation>同时分析的文件数。数量越少，电脑越安静。</translation>
    </message>
    <message>
        <source>Do not record what I play (suggestions stop learning)</source>
        <translation>不记录我播放的内容（推荐将停止学习）</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>Forget history…</source>
        <translation>清除历史记录…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
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
        <source>Your library, analysis results and history are kept only in the data location above. Nothing is sent anywhere.</source>
        <translation>你的媒体库、分析结果和历史记录只保存在上面的数据位置，不会发送到任何地方。</translation>
    </message>
    <message>
        <source>1 folder</source>
        <translation>1 个文件夹</translation>
    </message>
    <message>
        <source>{0} folders</source>
        <translation>{0} 个文件夹</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <source>Exported {0} events to {1}</source>
        <translation>已将 {0} 条记录导出到 {1}</translation>
    </message>
    <message>
        <source>Forget history</source>
        <translation>清除历史记录</translation>
    </message>
    <message>
        <source>Forget everything you played, liked and disliked?</source>
        <translation>清除你所有的播放、喜欢和不喜欢记录？</translation>
    </message>
    <message>
        <source>Suggestions start again from scratch. This cannot be undone.</source>
        <translation>推荐将从头开始学习。此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>StatusWidget</name>
    <message>
        <source>about {0} s left</source>
        <extracomment>(kind, path, sentence) while the database cannot be written: shown until cleared</extracomment>
        <translation>约剩 {0} 秒</translation>
    </message>
    <message>
        <source>about {0} h {1} min left</source>
        <translation>约剩 {0} 小时 {1} 分钟</translation>
    </message>
    <message>
        <source>about {0} h left</source>
        <translation>约剩 {0} 小时</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Pause or resume the analysis of your files</source>
        <translation>暂停或继续分析你的文件</translation>
    </message>
    <message>
        <source>⚠ {0} failed</source>
        <translation>⚠ {0} 个失败</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Looking for media… {0} files found so far</source>
        <translation>正在查找媒体… 目前已找到 {0} 个文件</translation>
    </message>
    <message>
        <source>Counting the files left to analyse…</source>
        <translation>正在统计尚待分析的文件…</translation>
    </message>
    <message>
        <source>{0} analysed so far</source>
        <translation>已分析 {0} 个</translation>
    </message>
    <message>
        <source>{0} of {1} files analysed</source>
        <translation>已分析 {0} / {1} 个文件</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>about {0} min left</source>
        <translation>约剩 {0} 分钟</translation>
    </message>
    <message>
        <source>Analysis is unavailable (point here to see why)</source>
        <translation>分析不可用（指向此处查看原因）</translation>
    </message>
    <message>
        <source>Library up to date  ·  {0} files</source>
        <translation>媒体库已是最新  ·  {0} 个文件</translation>
    </message>
</context>
<context>
    <name>TrackModel</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Artist</source>
        <translation>艺人</translation>
    </message>
    <message>
        <source>Album</source>
        <translation>专辑</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
</context>
<context>
    <name>UpNext</name>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take it out of the queue (Delete)</source>
        <translation>从队列中移除 (Delete)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear what comes next</source>
        <translation>清空接下来要播放的内容</translation>
    </message>
    <message>
        <source>Double-click to play; drag to reorder</source>
        <translation>双击播放；拖动以调整顺序</translation>
    </message>
    <message>
        <source>Up next</source>
        <translation>接下来播放</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <source>Updating your library for this version of Medialens…</source>
        <translation>正在为此版本的 Medialens 更新您的媒体库…</translation>
    </message>
    <message>
        <source>This happens once. A large library can take a few minutes. A backup was made first, and your files and history are kept.</source>
        <translation>此操作只进行一次。较大的媒体库可能需要几分钟。已先行备份，您的文件和播放记录都会保留。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Medialens</source>
        <translation>欢迎使用 Medialens</translation>
    </message>
    <message>
        <source>Your videos and music, understood and organised, with suggestions that learn what you like.</source>
        <translation>理解并整理你的视频和音乐，推荐会学习你的喜好。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Everything stays on this computer.&lt;/b&gt; Files are analysed here, history is kept here, and nothing is ever uploaded.&lt;br&gt;Choose where your media lives; the library fills up while files are found.</source>
        <translation>&lt;b&gt;一切都留在这台电脑上。&lt;/b&gt;文件在本机分析，历史记录保存在本机，不会上传任何内容。&lt;br&gt;选择媒体所在的位置，发现文件后媒体库会随即填充。</translation>
    </message>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <source>Add these folders</source>
        <translation>添加这些文件夹</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>向媒体库添加文件夹</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Description</source>
        <translation>简介</translation>
    </message>
    <message>
        <source>Homepage</source>
        <translation>主页</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
</context>
</TS>
