<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivityPage</name>
    <message>
        <location filename="../pages.py" line="641"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../pages.py" line="643"/>
        <source>What the analysis is doing, and the files it could not read.</source>
        <translation>分析正在做什么，以及无法读取的文件。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="645"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="645"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../pages.py" line="645"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../pages.py" line="646"/>
        <source>Retry selected</source>
        <translation>重试所选</translation>
    </message>
    <message>
        <location filename="../pages.py" line="647"/>
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <location filename="../pages.py" line="650"/>
        <source>No failures</source>
        <translation>没有失败</translation>
    </message>
    <message>
        <location filename="../pages.py" line="651"/>
        <source>Every file that was analysed was read without trouble.</source>
        <translation>已分析的文件都顺利读取。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="665"/>
        <source>reading the file</source>
        <translation>读取文件</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../delegates.py" line="263"/>
        <source>Unavailable</source>
        <translation>不可用</translation>
    </message>
    <message>
        <location filename="../delegates.py" line="265"/>
        <source>Unfinished</source>
        <translation>未看完</translation>
    </message>
    <message>
        <location filename="../delegates.py" line="269"/>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../delegates.py" line="351"/>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <location filename="../delegates.py" line="352"/>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <location filename="../delegates.py" line="353"/>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../library_page.py" line="260"/>
        <source>▶  Play</source>
        <translation>▶  播放</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="262"/>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="264"/>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="265"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="266"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="267"/>
        <source>More like this</source>
        <translation>更多类似内容</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="361"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="362"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="367"/>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="374"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="376"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="378"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="382"/>
        <source>Played</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="383"/>
        <source>{0} times</source>
        <translation>{0} 次</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="383"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="387"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="387"/>
        <source>unavailable (file or disk missing)</source>
        <translation>不可用（文件或磁盘缺失）</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="388"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="404"/>
        <source>Only weak tags so far.</source>
        <translation>目前只有置信度较低的标签。</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="407"/>
        <source>No tags yet: they appear when analysis finishes.</source>
        <translation>暂无标签：分析完成后会显示。</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="417"/>
        <source>Not analysed yet.</source>
        <translation>尚未分析。</translation>
    </message>
</context>
<context>
    <name>FoldersPage</name>
    <message>
        <location filename="../pages.py" line="199"/>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="202"/>
        <source>Medialens watches these folders and picks up new, changed and moved files by itself.</source>
        <translation>Medialens 会监视这些文件夹，自动发现新增、修改和移动的文件。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="206"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="206"/>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
    <message>
        <location filename="../pages.py" line="206"/>
        <source>Last scan</source>
        <translation>上次扫描</translation>
    </message>
    <message>
        <location filename="../pages.py" line="206"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages.py" line="208"/>
        <location filename="../pages.py" line="218"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../pages.py" line="209"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../pages.py" line="211"/>
        <source>Forget this folder&apos;s files (their playback history is kept)</source>
        <translation>忘记此文件夹中的文件（保留播放记录）</translation>
    </message>
    <message>
        <location filename="../pages.py" line="213"/>
        <source>Rescan now</source>
        <translation>立即重新扫描</translation>
    </message>
    <message>
        <location filename="../pages.py" line="216"/>
        <source>No folders yet</source>
        <translation>还没有文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="217"/>
        <source>Add the folders where your videos and music live.</source>
        <translation>添加存放视频和音乐的文件夹。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="227"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../pages.py" line="229"/>
        <source>Unavailable: {0}</source>
        <translation>不可用：{0}</translation>
    </message>
    <message>
        <location filename="../pages.py" line="234"/>
        <source>not yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location filename="../pages.py" line="253"/>
        <source>Remove folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="255"/>
        <source>Remove {0} from the library? The files stay on disk and their playback history is kept.</source>
        <translation>从媒体库中移除 {0}？文件仍保留在磁盘上，播放记录也会保留。</translation>
    </message>
</context>
<context>
    <name>ForYouPage</name>
    <message>
        <location filename="../foryou.py" line="98"/>
        <location filename="../foryou.py" line="123"/>
        <source>For you</source>
        <translation>为你推荐</translation>
    </message>
    <message>
        <location filename="../foryou.py" line="101"/>
        <source>Picked from what you play, like and add. Everything is worked out on this computer.</source>
        <translation>根据你的播放、喜好和新增内容挑选，全部在这台电脑上计算。</translation>
    </message>
    <message>
        <location filename="../foryou.py" line="109"/>
        <source>Nothing to suggest yet</source>
        <translation>暂时没有推荐</translation>
    </message>
    <message>
        <location filename="../foryou.py" line="111"/>
        <source>Add a folder with videos or music; suggestions appear as soon as files are found.</source>
        <translation>添加包含视频或音乐的文件夹，发现文件后就会出现推荐。</translation>
    </message>
    <message>
        <location filename="../foryou.py" line="124"/>
        <location filename="../foryou.py" line="125"/>
        <source>Continue watching</source>
        <translation>继续观看</translation>
    </message>
    <message>
        <location filename="../foryou.py" line="126"/>
        <location filename="../foryou.py" line="128"/>
        <source>New for you</source>
        <translation>新增内容</translation>
    </message>
    <message>
        <location filename="../foryou.py" line="127"/>
        <location filename="../foryou.py" line="129"/>
        <source>Because you played {0}</source>
        <translation>因为你播放过 {0}</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="69"/>
        <source>Show in library</source>
        <translation>在媒体库中显示</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../models.py" line="114"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../models.py" line="115"/>
        <source>Artist / album</source>
        <translation>艺人 / 专辑</translation>
    </message>
    <message>
        <location filename="../models.py" line="116"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../models.py" line="117"/>
        <source>Added</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <location filename="../models.py" line="118"/>
        <source>Last played</source>
        <translation>上次播放</translation>
    </message>
    <message>
        <location filename="../models.py" line="119"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../models.py" line="120"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <location filename="../library_page.py" line="553"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="555"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="558"/>
        <source>Recently added</source>
        <translation>最近添加</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="559"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="560"/>
        <source>Artist / album</source>
        <translation>艺人 / 专辑</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="561"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="562"/>
        <source>Recently played</source>
        <translation>最近播放</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="563"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="565"/>
        <source>Sort</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="637"/>
        <source>1 item</source>
        <translation>1 项</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="637"/>
        <source>{0} items</source>
        <translation>{0} 项</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="67"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="72"/>
        <source>Like</source>
        <translation>喜欢</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="73"/>
        <source>Dislike</source>
        <translation>不喜欢</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="74"/>
        <source>Not interested</source>
        <translation>不感兴趣</translation>
    </message>
    <message>
        <location filename="../library_page.py" line="78"/>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../window.py" line="364"/>
        <source>Medialens</source>
        <translation>Medialens</translation>
    </message>
    <message>
        <location filename="../window.py" line="365"/>
        <source>DISCOVER</source>
        <translation>发现</translation>
    </message>
    <message>
        <location filename="../window.py" line="365"/>
        <source>LIBRARY</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <location filename="../window.py" line="365"/>
        <source>MANAGE</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../window.py" line="369"/>
        <source>✦  For you</source>
        <translation>✦  为你推荐</translation>
    </message>
    <message>
        <location filename="../window.py" line="370"/>
        <source>▦  All</source>
        <translation>▦  全部</translation>
    </message>
    <message>
        <location filename="../window.py" line="371"/>
        <source>▶  Video</source>
        <translation>▶  视频</translation>
    </message>
    <message>
        <location filename="../window.py" line="372"/>
        <source>♪  Music</source>
        <translation>♪  音乐</translation>
    </message>
    <message>
        <location filename="../window.py" line="373"/>
        <source>▤  Folders</source>
        <translation>▤  文件夹</translation>
    </message>
    <message>
        <location filename="../window.py" line="374"/>
        <source>◈  Plugins</source>
        <translation>◈  插件</translation>
    </message>
    <message>
        <location filename="../window.py" line="375"/>
        <source>◔  Activity</source>
        <translation>◔  活动</translation>
    </message>
    <message>
        <location filename="../window.py" line="376"/>
        <source>⚙  Settings</source>
        <translation>⚙  设置</translation>
    </message>
    <message>
        <location filename="../window.py" line="381"/>
        <source>Search titles, artists, tags, what is said…  (Ctrl+F)</source>
        <translation>搜索标题、艺人、标签、语音内容…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../window.py" line="603"/>
        <source>All media</source>
        <translation>全部媒体</translation>
    </message>
    <message>
        <location filename="../window.py" line="603"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../window.py" line="603"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../window.py" line="608"/>
        <source>Loading your library…</source>
        <translation>正在加载媒体库…</translation>
    </message>
    <message>
        <location filename="../window.py" line="612"/>
        <source>Looking for media…</source>
        <translation>正在查找媒体…</translation>
    </message>
    <message>
        <location filename="../window.py" line="613"/>
        <source>Files appear here as soon as they are found.</source>
        <translation>文件一经发现就会显示在这里。</translation>
    </message>
    <message>
        <location filename="../window.py" line="618"/>
        <source>Your library is empty</source>
        <translation>媒体库是空的</translation>
    </message>
    <message>
        <location filename="../window.py" line="619"/>
        <source>Add a folder with videos or music to get started.</source>
        <translation>添加包含视频或音乐的文件夹即可开始。</translation>
    </message>
    <message>
        <location filename="../window.py" line="620"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../window.py" line="624"/>
        <source>No videos yet</source>
        <translation>还没有视频</translation>
    </message>
    <message>
        <location filename="../window.py" line="624"/>
        <source>Videos in your folders appear here.</source>
        <translation>文件夹中的视频会显示在这里。</translation>
    </message>
    <message>
        <location filename="../window.py" line="628"/>
        <source>No music yet</source>
        <translation>还没有音乐</translation>
    </message>
    <message>
        <location filename="../window.py" line="628"/>
        <source>Music in your folders appears here.</source>
        <translation>文件夹中的音乐会显示在这里。</translation>
    </message>
    <message>
        <location filename="../window.py" line="633"/>
        <source>No media found</source>
        <translation>没有找到媒体</translation>
    </message>
    <message>
        <location filename="../window.py" line="634"/>
        <source>None of the files in your folders could be played.</source>
        <translation>文件夹中没有可播放的文件。</translation>
    </message>
    <message>
        <location filename="../window.py" line="638"/>
        <source>Nothing found</source>
        <translation>没有找到结果</translation>
    </message>
    <message>
        <location filename="../window.py" line="639"/>
        <source>Try other words: titles, artists, tags and speech are searched.</source>
        <translation>换个词试试：会搜索标题、艺人、标签和语音内容。</translation>
    </message>
    <message>
        <location filename="../window.py" line="686"/>
        <source>Results for “{0}”</source>
        <translation>“{0}”的搜索结果</translation>
    </message>
    <message>
        <location filename="../window.py" line="693"/>
        <source>Add a folder to the library</source>
        <translation>向媒体库添加文件夹</translation>
    </message>
    <message>
        <location filename="../window.py" line="699"/>
        <source>Added {0}</source>
        <translation>已添加 {0}</translation>
    </message>
    <message>
        <location filename="../window.py" line="706"/>
        <source>Add folder</source>
        <translation>添加文件夹</translation>
    </message>
    <message>
        <location filename="../window.py" line="713"/>
        <source>Remove folder</source>
        <translation>移除文件夹</translation>
    </message>
    <message>
        <location filename="../window.py" line="761"/>
        <source>Liked “{0}”</source>
        <translation>已喜欢“{0}”</translation>
    </message>
    <message>
        <location filename="../window.py" line="762"/>
        <source>Disliked “{0}”: you will see less like it</source>
        <translation>已标记不喜欢“{0}”：类似内容会减少</translation>
    </message>
    <message>
        <location filename="../window.py" line="763"/>
        <source>“{0}” will not be suggested again</source>
        <translation>不会再推荐“{0}”</translation>
    </message>
</context>
<context>
    <name>MissingPlayer</name>
    <message>
        <location filename="../player_missing.py" line="24"/>
        <source>Playback is not available</source>
        <translation>无法播放</translation>
    </message>
    <message>
        <location filename="../player_missing.py" line="25"/>
        <source>Qt Multimedia could not be loaded: {0}</source>
        <translation>无法加载 Qt Multimedia：{0}</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../models.py" line="37"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../models.py" line="39"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../player.py" line="180"/>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <location filename="../player.py" line="181"/>
        <source>Back to where you were (Esc)</source>
        <translation>返回之前的页面 (Esc)</translation>
    </message>
    <message>
        <location filename="../player.py" line="183"/>
        <source>Previous (P)</source>
        <translation>上一个 (P)</translation>
    </message>
    <message>
        <location filename="../player.py" line="185"/>
        <source>Next (N)</source>
        <translation>下一个 (N)</translation>
    </message>
    <message>
        <location filename="../player.py" line="188"/>
        <source>Mute (M)</source>
        <translation>静音 (M)</translation>
    </message>
    <message>
        <location filename="../player.py" line="189"/>
        <source>Volume (↑ ↓)</source>
        <translation>音量 (↑ ↓)</translation>
    </message>
    <message>
        <location filename="../player.py" line="190"/>
        <source>Seek (← →)</source>
        <translation>快进快退 (← →)</translation>
    </message>
    <message>
        <location filename="../player.py" line="192"/>
        <source>Full screen (F)</source>
        <translation>全屏 (F)</translation>
    </message>
    <message>
        <location filename="../player.py" line="204"/>
        <source>Pause (Space)</source>
        <translation>暂停 (空格)</translation>
    </message>
    <message>
        <location filename="../player.py" line="204"/>
        <source>Play (Space)</source>
        <translation>播放 (空格)</translation>
    </message>
    <message>
        <location filename="../player.py" line="225"/>
        <source>No audio output device was found: playback is silent. Connect speakers or headphones and it will be used.</source>
        <translation>未找到音频输出设备：播放没有声音。连接扬声器或耳机后会自动使用。</translation>
    </message>
    <message>
        <location filename="../player.py" line="409"/>
        <source>Cannot play this file: {0}</source>
        <translation>无法播放此文件：{0}</translation>
    </message>
</context>
<context>
    <name>PluginsPage</name>
    <message>
        <location filename="../pages.py" line="409"/>
        <location filename="../pages.py" line="577"/>
        <source>Plugins</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="412"/>
        <source>Plugins analyse your files (labels, moods, speech…). Turn off what you do not need; results already stored stay.</source>
        <translation>插件负责分析你的文件（标签、情绪、语音…）。可以关闭不需要的插件，已保存的结果会保留。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="416"/>
        <source>Plugin</source>
        <translation>插件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="402"/>
        <source>Active</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../pages.py" line="403"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../pages.py" line="404"/>
        <source>Incompatible</source>
        <translation>不兼容</translation>
    </message>
    <message>
        <location filename="../pages.py" line="405"/>
        <source>Malfunctioned</source>
        <translation>出错</translation>
    </message>
    <message>
        <location filename="../pages.py" line="416"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../pages.py" line="416"/>
        <source>Produces</source>
        <translation>产出</translation>
    </message>
    <message>
        <location filename="../pages.py" line="416"/>
        <source>Files done</source>
        <translation>已处理文件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="421"/>
        <source>Retry failures</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <location filename="../pages.py" line="422"/>
        <source>Try again the files this plugin failed on</source>
        <translation>重新处理此插件失败的文件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="423"/>
        <source>Re-run on every file</source>
        <translation>对所有文件重新运行</translation>
    </message>
    <message>
        <location filename="../pages.py" line="425"/>
        <source>Forget what this plugin stored and analyse every file again</source>
        <translation>清除此插件保存的结果并重新分析所有文件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="429"/>
        <source>Loading plugins…</source>
        <translation>正在加载插件…</translation>
    </message>
    <message>
        <location filename="../pages.py" line="430"/>
        <source>Plugins load in the background after the window opens.</source>
        <translation>窗口打开后插件会在后台加载。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="447"/>
        <source>Labels ({0})</source>
        <translation>标签（{0} 个）</translation>
    </message>
    <message>
        <location filename="../pages.py" line="449"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../pages.py" line="452"/>
        <source>Searchable text</source>
        <translation>可搜索的文本</translation>
    </message>
    <message>
        <location filename="../pages.py" line="454"/>
        <source>{0}-d {1} vector</source>
        <translation>{0} 维 {1} 向量</translation>
    </message>
    <message>
        <location filename="../pages.py" line="458"/>
        <source>Measurements ({0})</source>
        <translation>测量值（{0} 项）</translation>
    </message>
    <message>
        <location filename="../pages.py" line="458"/>
        <source>Measurements</source>
        <translation>测量值</translation>
    </message>
    <message>
        <location filename="../pages.py" line="462"/>
        <source>Thumbnails</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <location filename="../pages.py" line="462"/>
        <source>Keyframe hashes</source>
        <translation>关键帧哈希</translation>
    </message>
    <message>
        <location filename="../pages.py" line="469"/>
        <source>Audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../pages.py" line="469"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../pages.py" line="471"/>
        <source>Audio and video files</source>
        <translation>音频和视频文件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="472"/>
        <source>{0} files</source>
        <translation>{0}文件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="479"/>
        <source>Nothing declared</source>
        <translation>未声明输出</translation>
    </message>
    <message>
        <location filename="../pages.py" line="490"/>
        <source>Built in</source>
        <translation>内置</translation>
    </message>
    <message>
        <location filename="../pages.py" line="490"/>
        <source>Third-party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <location filename="../pages.py" line="493"/>
        <source>API {0}</source>
        <translation>API {0}</translation>
    </message>
    <message>
        <location filename="../pages.py" line="509"/>
        <source>{0} failed</source>
        <translation>{0} 个失败</translation>
    </message>
    <message>
        <location filename="../pages.py" line="525"/>
        <source>Plugins could not be loaded</source>
        <translation>无法加载插件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="541"/>
        <source>Extractor  ·  v{0}</source>
        <translation>提取器  ·  v{0}</translation>
    </message>
    <message>
        <location filename="../pages.py" line="562"/>
        <location filename="../pages.py" line="566"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../pages.py" line="566"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../pages.py" line="596"/>
        <source>Re-run plugin</source>
        <translation>重新运行插件</translation>
    </message>
    <message>
        <location filename="../pages.py" line="598"/>
        <source>Forget everything {0} stored and analyse every file again? This can take a while.</source>
        <translation>清除 {0} 保存的所有结果并重新分析每个文件？这可能需要一些时间。</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../reasons.py" line="18"/>
        <source>A tour of your library</source>
        <translation>带你逛逛媒体库</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="22"/>
        <source>Something different to try</source>
        <translation>换换口味</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="24"/>
        <source>You liked this</source>
        <translation>你喜欢过</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="27"/>
        <source>You played this to the end</source>
        <translation>你完整播放过</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="31"/>
        <source>Because you played {0}</source>
        <translation>因为你播放过 {0}</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="33"/>
        <source>Like {0}</source>
        <translation>与 {0} 相似</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="34"/>
        <source>Added today</source>
        <translation>今天添加</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="35"/>
        <source>Added yesterday</source>
        <translation>昨天添加</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="36"/>
        <source>Added {0} days ago</source>
        <translation>{0} 天前添加</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="39"/>
        <source>Resume at {0} of {1}</source>
        <translation>从 {0} 继续（共 {1}）</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="41"/>
        <source>Resume at {0}</source>
        <translation>从 {0} 继续</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="42"/>
        <source>label: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="43"/>
        <source>tag: {0}</source>
        <translation>标签：{0}</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="44"/>
        <source>text: {0}</source>
        <translation>文本：{0}</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="45"/>
        <source>meaning {0}</source>
        <translation>语义 {0}</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="46"/>
        <source>looks alike ({0})</source>
        <translation>画面相似（{0}）</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="47"/>
        <source>sounds alike ({0})</source>
        <translation>听感相似（{0}）</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="48"/>
        <source>similar sound ({0})</source>
        <translation>声音相似（{0}）</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="49"/>
        <source>similar words ({0})</source>
        <translation>文字相似（{0}）</translation>
    </message>
    <message>
        <location filename="../reasons.py" line="52"/>
        <source>similar content ({0})</source>
        <translation>内容相似（{0}）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../pages.py" line="801"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../pages.py" line="804"/>
        <source>Medialens works entirely offline. These settings are stored with your library.</source>
        <translation>Medialens 完全离线工作。这些设置与媒体库保存在一起。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="807"/>
        <source>Library</source>
        <translation>媒体库</translation>
    </message>
    <message>
        <location filename="../pages.py" line="808"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../pages.py" line="809"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../pages.py" line="811"/>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="812"/>
        <source>Analysis threads</source>
        <translation>分析线程数</translation>
    </message>
    <message>
        <location filename="../pages.py" line="813"/>
        <source>Pause history</source>
        <translation>暂停记录</translation>
    </message>
    <message>
        <location filename="../pages.py" line="814"/>
        <source>Playback history</source>
        <translation>播放记录</translation>
    </message>
    <message>
        <location filename="../pages.py" line="815"/>
        <source>Data location</source>
        <translation>数据位置</translation>
    </message>
    <message>
        <location filename="../pages.py" line="816"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../pages.py" line="817"/>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <location filename="../pages.py" line="822"/>
        <source>Manage folders…</source>
        <translation>管理文件夹…</translation>
    </message>
    <message>
        <location filename="../pages.py" line="824"/>
        <source>How many files are analysed at once. Fewer keeps the computer quieter.</source>
        <translation>同时分析的文件数。数量越少，电脑越安静。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="826"/>
        <source>Do not record what I play (suggestions stop learning)</source>
        <translation>不记录我播放的内容（推荐将停止学习）</translation>
    </message>
    <message>
        <location filename="../pages.py" line="827"/>
        <source>Export as JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <location filename="../pages.py" line="828"/>
        <source>Forget history…</source>
        <translation>清除历史记录…</translation>
    </message>
    <message>
        <location filename="../pages.py" line="829"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../pages.py" line="830"/>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../pages.py" line="831"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../pages.py" line="832"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../pages.py" line="833"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../pages.py" line="836"/>
        <source>Your library, analysis results and history are kept only in the data location above. Nothing is sent anywhere.</source>
        <translation>你的媒体库、分析结果和历史记录只保存在上面的数据位置，不会发送到任何地方。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="851"/>
        <source>1 folder</source>
        <translation>1 个文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="851"/>
        <source>{0} folders</source>
        <translation>{0} 个文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="863"/>
        <location filename="../pages.py" line="873"/>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <location filename="../pages.py" line="871"/>
        <source>Exported {0} events to {1}</source>
        <translation>已将 {0} 条记录导出到 {1}</translation>
    </message>
    <message>
        <location filename="../pages.py" line="879"/>
        <location filename="../pages.py" line="884"/>
        <source>Forget history</source>
        <translation>清除历史记录</translation>
    </message>
    <message>
        <location filename="../pages.py" line="880"/>
        <source>Forget everything you played, liked and disliked?</source>
        <translation>清除你所有的播放、喜欢和不喜欢记录？</translation>
    </message>
    <message>
        <location filename="../pages.py" line="882"/>
        <source>Suggestions start again from scratch. This cannot be undone.</source>
        <translation>推荐将从头开始学习。此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>StatusWidget</name>
    <message>
        <location filename="../window.py" line="84"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../window.py" line="84"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../window.py" line="85"/>
        <source>Pause or resume the analysis of your files</source>
        <translation>暂停或继续分析你的文件</translation>
    </message>
    <message>
        <location filename="../window.py" line="86"/>
        <source>⚠ {0} failed</source>
        <translation>⚠ {0} 个失败</translation>
    </message>
    <message>
        <location filename="../window.py" line="92"/>
        <source>Analysis is unavailable: {0}</source>
        <translation>分析不可用：{0}</translation>
    </message>
    <message>
        <location filename="../window.py" line="97"/>
        <source>Looking for media… {0} files found</source>
        <translation>正在查找媒体… 已找到 {0} 个文件</translation>
    </message>
    <message>
        <location filename="../window.py" line="103"/>
        <source>Analysing {0} of {1}</source>
        <translation>正在分析 {0} / {1}</translation>
    </message>
    <message>
        <location filename="../window.py" line="105"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../window.py" line="109"/>
        <source>about {0} min left</source>
        <translation>约剩 {0} 分钟</translation>
    </message>
    <message>
        <location filename="../window.py" line="111"/>
        <source>less than a minute left</source>
        <translation>不到一分钟</translation>
    </message>
    <message>
        <location filename="../window.py" line="117"/>
        <source>Library up to date  ·  {0} files</source>
        <translation>媒体库已是最新  ·  {0} 个文件</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../pages.py" line="130"/>
        <source>Welcome to Medialens</source>
        <translation>欢迎使用 Medialens</translation>
    </message>
    <message>
        <location filename="../pages.py" line="133"/>
        <source>Your videos and music, understood and organised, with suggestions that learn what you like.</source>
        <translation>理解并整理你的视频和音乐，推荐会学习你的喜好。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="138"/>
        <source>&lt;b&gt;Everything stays on this computer.&lt;/b&gt; Files are analysed here, history is kept here, and nothing is ever uploaded.&lt;br&gt;Choose where your media lives; the library fills up while files are found.</source>
        <translation>&lt;b&gt;一切都留在这台电脑上。&lt;/b&gt;文件在本机分析，历史记录保存在本机，不会上传任何内容。&lt;br&gt;选择媒体所在的位置，发现文件后媒体库会随即填充。</translation>
    </message>
    <message>
        <location filename="../pages.py" line="144"/>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../pages.py" line="144"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../pages.py" line="146"/>
        <source>Add these folders</source>
        <translation>添加这些文件夹</translation>
    </message>
    <message>
        <location filename="../pages.py" line="147"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../pages.py" line="159"/>
        <source>Add a folder to the library</source>
        <translation>向媒体库添加文件夹</translation>
    </message>
</context>
</TS>
