<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Tags</name>
        <message>
            <source>tench</source>
            <extracomment>vision</extracomment>
            <translation>丁鲷</translation>
        </message>
        <message>
            <source>goldfish</source>
            <extracomment>vision</extracomment>
            <translation>金鱼</translation>
        </message>
        <message>
            <source>great white shark</source>
            <extracomment>vision</extracomment>
            <translation>大白鲨</translation>
        </message>
        <message>
            <source>tiger shark</source>
            <extracomment>vision</extracomment>
            <translation>虎鲨</translation>
        </message>
        <message>
            <source>hammerhead</source>
            <extracomment>vision</extracomment>
            <translation>锤头鲨</translation>
        </message>
        <message>
            <source>electric ray</source>
            <extracomment>vision</extracomment>
            <translation>电鳐</translation>
        </message>
        <message>
            <source>stingray</source>
            <extracomment>vision</extracomment>
            <translation>黄貂鱼</translation>
        </message>
        <message>
            <source>cock</source>
            <extracomment>vision</extracomment>
            <translation>公鸡</translation>
        </message>
        <message>
            <source>hen</source>
            <extracomment>vision</extracomment>
            <translation>母鸡</translation>
        </message>
        <message>
            <source>ostrich</source>
            <extracomment>vision</extracomment>
            <translation>鸵鸟</translation>
        </message>
        <message>
            <source>brambling</source>
            <extracomment>vision</extracomment>
            <translation>燕雀</translation>
        </message>
        <message>
            <source>goldfinch</source>
            <extracomment>vision</extracomment>
            <translation>金翅雀</translation>
        </message>
        <message>
            <source>house finch</source>
            <extracomment>vision</extracomment>
            <translation>家朱雀</translation>
        </message>
        <message>
            <source>junco</source>
            <extracomment>vision</extracomment>
            <translation>灯芯草雀</translation>
        </message>
        <message>
            <source>indigo bunting</source>
            <extracomment>vision</extracomment>
            <translation>靛蓝彩鹀</translation>
        </message>
        <message>
            <source>robin</source>
            <extracomment>vision</extracomment>
            <translation>知更鸟</translation>
        </message>
        <message>
            <source>bulbul</source>
            <extracomment>vision</extracomment>
            <translation>鹎</translation>
        </message>
        <message>
            <source>jay</source>
            <extracomment>vision</extracomment>
            <translation>松鸦</translation>
        </message>
        <message>
            <source>magpie</source>
            <extracomment>vision</extracomment>
            <translation>喜鹊</translation>
        </message>
        <message>
            <source>chickadee</source>
            <extracomment>vision</extracomment>
            <translation>山雀</translation>
        </message>
        <message>
            <source>water ouzel</source>
            <extracomment>vision</extracomment>
            <translation>河乌</translation>
        </message>
        <message>
            <source>kite</source>
            <extracomment>vision</extracomment>
            <translation>鸢</translation>
        </message>
        <message>
            <source>bald eagle</source>
            <extracomment>vision</extracomment>
            <translation>白头海雕</translation>
        </message>
        <message>
            <source>vulture</source>
            <extracomment>vision</extracomment>
            <translation>秃鹫</translation>
        </message>
        <message>
            <source>great grey owl</source>
            <extracomment>vision</extracomment>
            <translation>乌林鸮</translation>
        </message>
        <message>
            <source>European fire salamander</source>
            <extracomment>vision</extracomment>
            <translation>火蝾螈</translation>
        </message>
        <message>
            <source>common newt</source>
            <extracomment>vision</extracomment>
            <translation>普通欧螈</translation>
        </message>
        <message>
            <source>eft</source>
            <extracomment>vision</extracomment>
            <translation>水蜥</translation>
        </message>
        <message>
            <source>spotted salamander</source>
            <extracomment>vision</extracomment>
            <translation>斑点钝口螈</translation>
        </message>
        <message>
            <source>axolotl</source>
            <extracomment>vision</extracomment>
            <translation>美西螈</translation>
        </message>
        <message>
            <source>bullfrog</source>
            <extracomment>vision</extracomment>
            <translation>牛蛙</translation>
        </message>
        <message>
            <source>tree frog</source>
            <extracomment>vision</extracomment>
            <translation>树蛙</translation>
        </message>
        <message>
            <source>tailed frog</source>
            <extracomment>vision</extracomment>
            <translation>尾蟾</translation>
        </message>
        <message>
            <source>loggerhead</source>
            <extracomment>vision</extracomment>
            <translation>蠵龟</translation>
        </message>
        <message>
            <source>leatherback turtle</source>
            <extracomment>vision</extracomment>
            <translation>棱皮龟</translation>
        </message>
        <message>
            <source>mud turtle</source>
            <extracomment>vision</extracomment>
            <translation>泥龟</translation>
        </message>
        <message>
            <source>terrapin</source>
            <extracomment>vision</extracomment>
            <translation>钻纹龟</translation>
        </message>
        <message>
            <source>box turtle</source>
            <extracomment>vision</extracomment>
            <translation>箱龟</translation>
        </message>
        <message>
            <source>banded gecko</source>
            <extracomment>vision</extracomment>
            <translation>带纹壁虎</translation>
        </message>
        <message>
            <source>common iguana</source>
            <extracomment>vision</extracomment>
            <translation>美洲鬣蜥</translation>
        </message>
        <message>
            <source>American chameleon</source>
            <extracomment>vision</extracomment>
            <translation>绿安乐蜥</translation>
        </message>
        <message>
            <source>whiptail</source>
            <extracomment>vision</extracomment>
            <translation>鞭尾蜥蜴</translation>
        </message>
        <message>
            <source>agama</source>
            <extracomment>vision</extracomment>
            <translation>彩虹飞蜥</translation>
        </message>
        <message>
            <source>frilled lizard</source>
            <extracomment>vision</extracomment>
            <translation>伞蜥</translation>
        </message>
        <message>
            <source>alligator lizard</source>
            <extracomment>vision</extracomment>
            <translation>短吻鳄蜥</translation>
        </message>
        <message>
            <source>Gila monster</source>
            <extracomment>vision</extracomment>
            <translation>希拉毒蜥</translation>
        </message>
        <message>
            <source>green lizard</source>
            <extracomment>vision</extracomment>
            <translation>绿蜥蜴</translation>
        </message>
        <message>
            <source>African chameleon</source>
            <extracomment>vision</extracomment>
            <translation>非洲变色龙</translation>
        </message>
        <message>
            <source>Komodo dragon</source>
            <extracomment>vision</extracomment>
            <translation>科莫多巨蜥</translation>
        </message>
        <message>
            <source>African crocodile</source>
            <extracomment>vision</extracomment>
            <translation>尼罗鳄</translation>
        </message>
        <message>
            <source>American alligator</source>
            <extracomment>vision</extracomment>
            <translation>美洲短吻鳄</translation>
        </message>
        <message>
            <source>triceratops</source>
            <extracomment>vision</extracomment>
            <translation>三角龙</translation>
        </message>
        <message>
            <source>thunder snake</source>
            <extracomment>vision</extracomment>
            <translation>雷蛇</translation>
        </message>
        <message>
            <source>ringneck snake</source>
            <extracomment>vision</extracomment>
            <translation>环颈蛇</translation>
        </message>
        <message>
            <source>hognose snake</source>
            <extracomment>vision</extracomment>
            <translation>猪鼻蛇</translation>
        </message>
        <message>
            <source>green snake</source>
            <extracomment>vision</extracomment>
            <translation>绿蛇</translation>
        </message>
        <message>
            <source>king snake</source>
            <extracomment>vision</extracomment>
            <translation>王蛇</translation>
        </message>
        <message>
            <source>garter snake</source>
            <extracomment>vision</extracomment>
            <translation>束带蛇</translation>
        </message>
        <message>
            <source>water snake</source>
            <extracomment>vision</extracomment>
            <translation>水蛇</translation>
        </message>
        <message>
            <source>vine snake</source>
            <extracomment>vision</extracomment>
            <translation>藤蛇</translation>
        </message>
        <message>
            <source>night snake</source>
            <extracomment>vision</extracomment>
            <translation>夜蛇</translation>
        </message>
        <message>
            <source>boa constrictor</source>
            <extracomment>vision</extracomment>
            <translation>巨蚺</translation>
        </message>
        <message>
            <source>rock python</source>
            <extracomment>vision</extracomment>
            <translation>岩蟒</translation>
        </message>
        <message>
            <source>Indian cobra</source>
            <extracomment>vision</extracomment>
            <translation>印度眼镜蛇</translation>
        </message>
        <message>
            <source>green mamba</source>
            <extracomment>vision</extracomment>
            <translation>绿曼巴蛇</translation>
        </message>
        <message>
            <source>sea snake</source>
            <extracomment>vision</extracomment>
            <translation>海蛇</translation>
        </message>
        <message>
            <source>horned viper</source>
            <extracomment>vision</extracomment>
            <translation>角蝰</translation>
        </message>
        <message>
            <source>diamondback</source>
            <extracomment>vision</extracomment>
            <translation>菱斑响尾蛇</translation>
        </message>
        <message>
            <source>sidewinder</source>
            <extracomment>vision</extracomment>
            <translation>角响尾蛇</translation>
        </message>
        <message>
            <source>trilobite</source>
            <extracomment>vision</extracomment>
            <translation>三叶虫</translation>
        </message>
        <message>
            <source>harvestman</source>
            <extracomment>vision</extracomment>
            <translation>盲蛛</translation>
        </message>
        <message>
            <source>scorpion</source>
            <extracomment>vision</extracomment>
            <translation>蝎子</translation>
        </message>
        <message>
            <source>black and gold garden spider</source>
            <extracomment>vision</extracomment>
            <translation>金蛛</translation>
        </message>
        <message>
            <source>barn spider</source>
            <extracomment>vision</extracomment>
            <translation>谷仓蜘蛛</translation>
        </message>
        <message>
            <source>garden spider</source>
            <extracomment>vision</extracomment>
            <translation>十字园蛛</translation>
        </message>
        <message>
            <source>black widow</source>
            <extracomment>vision</extracomment>
            <translation>黑寡妇蜘蛛</translation>
        </message>
        <message>
            <source>tarantula</source>
            <extracomment>vision</extracomment>
            <translation>捕鸟蛛</translation>
        </message>
        <message>
            <source>wolf spider</source>
            <extracomment>vision</extracomment>
            <translation>狼蛛</translation>
        </message>
        <message>
            <source>tick</source>
            <extracomment>vision</extracomment>
            <translation>蜱虫</translation>
        </message>
        <message>
            <source>centipede</source>
            <extracomment>vision</extracomment>
            <translation>蜈蚣</translation>
        </message>
        <message>
            <source>black grouse</source>
            <extracomment>vision</extracomment>
            <translation>黑琴鸡</translation>
        </message>
        <message>
            <source>ptarmigan</source>
            <extracomment>vision</extracomment>
            <translation>雷鸟</translation>
        </message>
        <message>
            <source>ruffed grouse</source>
            <extracomment>vision</extracomment>
            <translation>披肩榛鸡</translation>
        </message>
        <message>
            <source>prairie chicken</source>
            <extracomment>vision</extracomment>
            <translation>草原松鸡</translation>
        </message>
        <message>
            <source>peacock</source>
            <extracomment>vision</extracomment>
            <translation>孔雀</translation>
        </message>
        <message>
            <source>quail</source>
            <extracomment>vision</extracomment>
            <translation>鹌鹑</translation>
        </message>
        <message>
            <source>partridge</source>
            <extracomment>vision</extracomment>
            <translation>山鹑</translation>
        </message>
        <message>
            <source>African grey</source>
            <extracomment>vision</extracomment>
            <translation>非洲灰鹦鹉</translation>
        </message>
        <message>
            <source>macaw</source>
            <extracomment>vision</extracomment>
            <translation>金刚鹦鹉</translation>
        </message>
        <message>
            <source>sulphur-crested cockatoo</source>
            <extracomment>vision</extracomment>
            <translation>葵花凤头鹦鹉</translation>
        </message>
        <message>
            <source>lorikeet</source>
            <extracomment>vision</extracomment>
            <translation>吸蜜鹦鹉</translation>
        </message>
        <message>
            <source>coucal</source>
            <extracomment>vision</extracomment>
            <translation>鸦鹃</translation>
        </message>
        <message>
            <source>bee eater</source>
            <extracomment>vision</extracomment>
            <translation>蜂虎</translation>
        </message>
        <message>
            <source>hornbill</source>
            <extracomment>vision</extracomment>
            <translation>犀鸟</translation>
        </message>
        <message>
            <source>hummingbird</source>
            <extracomment>vision</extracomment>
            <translation>蜂鸟</translation>
        </message>
        <message>
            <source>jacamar</source>
            <extracomment>vision</extracomment>
            <translation>鹟䴕</translation>
        </message>
        <message>
            <source>toucan</source>
            <extracomment>vision</extracomment>
            <translation>巨嘴鸟</translation>
        </message>
        <message>
            <source>drake</source>
            <extracomment>vision</extracomment>
            <translation>公鸭</translation>
        </message>
        <message>
            <source>red-breasted merganser</source>
            <extracomment>vision</extracomment>
            <translation>红胸秋沙鸭</translation>
        </message>
        <message>
            <source>goose</source>
            <extracomment>vision</extracomment>
            <translation>鹅</translation>
        </message>
        <message>
            <source>black swan</source>
            <extracomment>vision</extracomment>
            <translation>黑天鹅</translation>
        </message>
        <message>
            <source>tusker</source>
            <extracomment>vision</extracomment>
            <translation>长牙象</translation>
        </message>
        <message>
            <source>echidna</source>
            <extracomment>vision</extracomment>
            <translation>针鼹</translation>
        </message>
        <message>
            <source>platypus</source>
            <extracomment>vision</extracomment>
            <translation>鸭嘴兽</translation>
        </message>
        <message>
            <source>wallaby</source>
            <extracomment>vision</extracomment>
            <translation>沙袋鼠</translation>
        </message>
        <message>
            <source>koala</source>
            <extracomment>vision</extracomment>
            <translation>考拉</translation>
        </message>
        <message>
            <source>wombat</source>
            <extracomment>vision</extracomment>
            <translation>袋熊</translation>
        </message>
        <message>
            <source>jellyfish</source>
            <extracomment>vision</extracomment>
            <translation>水母</translation>
        </message>
        <message>
            <source>sea anemone</source>
            <extracomment>vision</extracomment>
            <translation>海葵</translation>
        </message>
        <message>
            <source>brain coral</source>
            <extracomment>vision</extracomment>
            <translation>脑珊瑚</translation>
        </message>
        <message>
            <source>flatworm</source>
            <extracomment>vision</extracomment>
            <translation>扁形虫</translation>
        </message>
        <message>
            <source>nematode</source>
            <extracomment>vision</extracomment>
            <translation>线虫</translation>
        </message>
        <message>
            <source>conch</source>
            <extracomment>vision</extracomment>
            <translation>海螺</translation>
        </message>
        <message>
            <source>snail</source>
            <extracomment>vision</extracomment>
            <translation>蜗牛</translation>
        </message>
        <message>
            <source>slug</source>
            <extracomment>vision</extracomment>
            <translation>鼻涕虫</translation>
        </message>
        <message>
            <source>sea slug</source>
            <extracomment>vision</extracomment>
            <translation>海蛞蝓</translation>
        </message>
        <message>
            <source>chiton</source>
            <extracomment>vision</extracomment>
            <translation>石鳖</translation>
        </message>
        <message>
            <source>chambered nautilus</source>
            <extracomment>vision</extracomment>
            <translation>鹦鹉螺</translation>
        </message>
        <message>
            <source>Dungeness crab</source>
            <extracomment>vision</extracomment>
            <translation>珍宝蟹</translation>
        </message>
        <message>
            <source>rock crab</source>
            <extracomment>vision</extracomment>
            <translation>黄道蟹</translation>
        </message>
        <message>
            <source>fiddler crab</source>
            <extracomment>vision</extracomment>
            <translation>招潮蟹</translation>
        </message>
        <message>
            <source>king crab</source>
            <extracomment>vision</extracomment>
            <translation>帝王蟹</translation>
        </message>
        <message>
            <source>American lobster</source>
            <extracomment>vision</extracomment>
            <translation>美洲龙虾</translation>
        </message>
        <message>
            <source>spiny lobster</source>
            <extracomment>vision</extracomment>
            <translation>刺龙虾</translation>
        </message>
        <message>
            <source>crayfish</source>
            <extracomment>vision</extracomment>
            <translation>小龙虾</translation>
        </message>
        <message>
            <source>hermit crab</source>
            <extracomment>vision</extracomment>
            <translation>寄居蟹</translation>
        </message>
        <message>
            <source>isopod</source>
            <extracomment>vision</extracomment>
            <translation>等足目动物</translation>
        </message>
        <message>
            <source>white stork</source>
            <extracomment>vision</extracomment>
            <translation>白鹳</translation>
        </message>
        <message>
            <source>black stork</source>
            <extracomment>vision</extracomment>
            <translation>黑鹳</translation>
        </message>
        <message>
            <source>spoonbill</source>
            <extracomment>vision</extracomment>
            <translation>琵鹭</translation>
        </message>
        <message>
            <source>flamingo</source>
            <extracomment>vision</extracomment>
            <translation>火烈鸟</translation>
        </message>
        <message>
            <source>little blue heron</source>
            <extracomment>vision</extracomment>
            <translation>小蓝鹭</translation>
        </message>
        <message>
            <source>American egret</source>
            <extracomment>vision</extracomment>
            <translation>美洲白鹭</translation>
        </message>
        <message>
            <source>bittern</source>
            <extracomment>vision</extracomment>
            <translation>麻鳽</translation>
        </message>
        <message>
            <source>crane (bird)</source>
            <extracomment>vision</extracomment>
            <translation>鹤</translation>
        </message>
        <message>
            <source>limpkin</source>
            <extracomment>vision</extracomment>
            <translation>秧鹤</translation>
        </message>
        <message>
            <source>European gallinule</source>
            <extracomment>vision</extracomment>
            <translation>紫水鸡</translation>
        </message>
        <message>
            <source>American coot</source>
            <extracomment>vision</extracomment>
            <translation>美洲骨顶</translation>
        </message>
        <message>
            <source>bustard</source>
            <extracomment>vision</extracomment>
            <translation>鸨</translation>
        </message>
        <message>
            <source>ruddy turnstone</source>
            <extracomment>vision</extracomment>
            <translation>翻石鹬</translation>
        </message>
        <message>
            <source>red-backed sandpiper</source>
            <extracomment>vision</extracomment>
            <translation>黑腹滨鹬</translation>
        </message>
        <message>
            <source>redshank</source>
            <extracomment>vision</extracomment>
            <translation>红脚鹬</translation>
        </message>
        <message>
            <source>dowitcher</source>
            <extracomment>vision</extracomment>
            <translation>半蹼鹬</translation>
        </message>
        <message>
            <source>oystercatcher</source>
            <extracomment>vision</extracomment>
            <translation>蛎鹬</translation>
        </message>
        <message>
            <source>pelican</source>
            <extracomment>vision</extracomment>
            <translation>鹈鹕</translation>
        </message>
        <message>
            <source>king penguin</source>
            <extracomment>vision</extracomment>
            <translation>王企鹅</translation>
        </message>
        <message>
            <source>albatross</source>
            <extracomment>vision</extracomment>
            <translation>信天翁</translation>
        </message>
        <message>
            <source>grey whale</source>
            <extracomment>vision</extracomment>
            <translation>灰鲸</translation>
        </message>
        <message>
            <source>killer whale</source>
            <extracomment>vision</extracomment>
            <translation>虎鲸</translation>
        </message>
        <message>
            <source>dugong</source>
            <extracomment>vision</extracomment>
            <translation>儒艮</translation>
        </message>
        <message>
            <source>sea lion</source>
            <extracomment>vision</extracomment>
            <translation>海狮</translation>
        </message>
        <message>
            <source>Chihuahua</source>
            <extracomment>vision</extracomment>
            <translation>吉娃娃</translation>
        </message>
        <message>
            <source>Japanese spaniel</source>
            <extracomment>vision</extracomment>
            <translation>日本狆</translation>
        </message>
        <message>
            <source>Maltese dog</source>
            <extracomment>vision</extracomment>
            <translation>马尔济斯犬</translation>
        </message>
        <message>
            <source>Pekinese</source>
            <extracomment>vision</extracomment>
            <translation>京巴犬</translation>
        </message>
        <message>
            <source>Shih-Tzu</source>
            <extracomment>vision</extracomment>
            <translation>西施犬</translation>
        </message>
        <message>
            <source>Blenheim spaniel</source>
            <extracomment>vision</extracomment>
            <translation>布伦海姆猎犬</translation>
        </message>
        <message>
            <source>papillon</source>
            <extracomment>vision</extracomment>
            <translation>蝴蝶犬</translation>
        </message>
        <message>
            <source>toy terrier</source>
            <extracomment>vision</extracomment>
            <translation>玩具梗</translation>
        </message>
        <message>
            <source>Rhodesian ridgeback</source>
            <extracomment>vision</extracomment>
            <translation>罗得西亚脊背犬</translation>
        </message>
        <message>
            <source>Afghan hound</source>
            <extracomment>vision</extracomment>
            <translation>阿富汗猎犬</translation>
        </message>
        <message>
            <source>basset</source>
            <extracomment>vision</extracomment>
            <translation>巴吉度猎犬</translation>
        </message>
        <message>
            <source>beagle</source>
            <extracomment>vision</extracomment>
            <translation>比格犬</translation>
        </message>
        <message>
            <source>bloodhound</source>
            <extracomment>vision</extracomment>
            <translation>寻血猎犬</translation>
        </message>
        <message>
            <source>bluetick</source>
            <extracomment>vision</extracomment>
            <translation>蓝斑猎浣熊犬</translation>
        </message>
        <message>
            <source>black-and-tan coonhound</source>
            <extracomment>vision</extracomment>
            <translation>黑褐猎浣熊犬</translation>
        </message>
        <message>
            <source>Walker hound</source>
            <extracomment>vision</extracomment>
            <translation>沃克猎犬</translation>
        </message>
        <message>
            <source>English foxhound</source>
            <extracomment>vision</extracomment>
            <translation>英国猎狐犬</translation>
        </message>
        <message>
            <source>redbone</source>
            <extracomment>vision</extracomment>
            <translation>红骨猎浣熊犬</translation>
        </message>
        <message>
            <source>borzoi</source>
            <extracomment>vision</extracomment>
            <translation>俄罗斯猎狼犬</translation>
        </message>
        <message>
            <source>Irish wolfhound</source>
            <extracomment>vision</extracomment>
            <translation>爱尔兰猎狼犬</translation>
        </message>
        <message>
            <source>Italian greyhound</source>
            <extracomment>vision</extracomment>
            <translation>意大利灰狗</translation>
        </message>
        <message>
            <source>whippet</source>
            <extracomment>vision</extracomment>
            <translation>惠比特犬</translation>
        </message>
        <message>
            <source>Ibizan hound</source>
            <extracomment>vision</extracomment>
            <translation>依比沙猎犬</translation>
        </message>
        <message>
            <source>Norwegian elkhound</source>
            <extracomment>vision</extracomment>
            <translation>挪威猎鹿犬</translation>
        </message>
        <message>
            <source>otterhound</source>
            <extracomment>vision</extracomment>
            <translation>奥达猎犬</translation>
        </message>
        <message>
            <source>Saluki</source>
            <extracomment>vision</extracomment>
            <translation>萨路基猎犬</translation>
        </message>
        <message>
            <source>Scottish deerhound</source>
            <extracomment>vision</extracomment>
            <translation>苏格兰猎鹿犬</translation>
        </message>
        <message>
            <source>Weimaraner</source>
            <extracomment>vision</extracomment>
            <translation>威玛猎犬</translation>
        </message>
        <message>
            <source>Staffordshire bullterrier</source>
            <extracomment>vision</extracomment>
            <translation>斯塔福德斗牛梗</translation>
        </message>
        <message>
            <source>American Staffordshire terrier</source>
            <extracomment>vision</extracomment>
            <translation>美国斯塔福德梗</translation>
        </message>
        <message>
            <source>Bedlington terrier</source>
            <extracomment>vision</extracomment>
            <translation>贝灵顿梗</translation>
        </message>
        <message>
            <source>Border terrier</source>
            <extracomment>vision</extracomment>
            <translation>边境梗</translation>
        </message>
        <message>
            <source>Kerry blue terrier</source>
            <extracomment>vision</extracomment>
            <translation>凯利蓝梗</translation>
        </message>
        <message>
            <source>Irish terrier</source>
            <extracomment>vision</extracomment>
            <translation>爱尔兰梗</translation>
        </message>
        <message>
            <source>Norfolk terrier</source>
            <extracomment>vision</extracomment>
            <translation>诺福克梗</translation>
        </message>
        <message>
            <source>Norwich terrier</source>
            <extracomment>vision</extracomment>
            <translation>诺维奇梗</translation>
        </message>
        <message>
            <source>Yorkshire terrier</source>
            <extracomment>vision</extracomment>
            <translation>约克夏梗</translation>
        </message>
        <message>
            <source>wire-haired fox terrier</source>
            <extracomment>vision</extracomment>
            <translation>刚毛猎狐梗</translation>
        </message>
        <message>
            <source>Lakeland terrier</source>
            <extracomment>vision</extracomment>
            <translation>莱克兰梗</translation>
        </message>
        <message>
            <source>Sealyham terrier</source>
            <extracomment>vision</extracomment>
            <translation>锡利哈姆梗</translation>
        </message>
        <message>
            <source>Airedale</source>
            <extracomment>vision</extracomment>
            <translation>万能梗</translation>
        </message>
        <message>
            <source>cairn</source>
            <extracomment>vision</extracomment>
            <translation>凯恩梗</translation>
        </message>
        <message>
            <source>Australian terrier</source>
            <extracomment>vision</extracomment>
            <translation>澳大利亚梗</translation>
        </message>
        <message>
            <source>Dandie Dinmont</source>
            <extracomment>vision</extracomment>
            <translation>丹迪丁蒙梗</translation>
        </message>
        <message>
            <source>Boston bull</source>
            <extracomment>vision</extracomment>
            <translation>波士顿梗</translation>
        </message>
        <message>
            <source>miniature schnauzer</source>
            <extracomment>vision</extracomment>
            <translation>迷你雪纳瑞</translation>
        </message>
        <message>
            <source>giant schnauzer</source>
            <extracomment>vision</extracomment>
            <translation>巨型雪纳瑞</translation>
        </message>
        <message>
            <source>standard schnauzer</source>
            <extracomment>vision</extracomment>
            <translation>标准雪纳瑞</translation>
        </message>
        <message>
            <source>Scotch terrier</source>
            <extracomment>vision</extracomment>
            <translation>苏格兰梗</translation>
        </message>
        <message>
            <source>Tibetan terrier</source>
            <extracomment>vision</extracomment>
            <translation>西藏梗</translation>
        </message>
        <message>
            <source>silky terrier</source>
            <extracomment>vision</extracomment>
            <translation>丝毛梗</translation>
        </message>
        <message>
            <source>soft-coated wheaten terrier</source>
            <extracomment>vision</extracomment>
            <translation>爱尔兰软毛梗</translation>
        </message>
        <message>
            <source>West Highland white terrier</source>
            <extracomment>vision</extracomment>
            <translation>西高地白梗</translation>
        </message>
        <message>
            <source>Lhasa</source>
            <extracomment>vision</extracomment>
            <translation>拉萨犬</translation>
        </message>
        <message>
            <source>flat-coated retriever</source>
            <extracomment>vision</extracomment>
            <translation>平毛寻回犬</translation>
        </message>
        <message>
            <source>curly-coated retriever</source>
            <extracomment>vision</extracomment>
            <translation>卷毛寻回犬</translation>
        </message>
        <message>
            <source>golden retriever</source>
            <extracomment>vision</extracomment>
            <translation>金毛寻回犬</translation>
        </message>
        <message>
            <source>Labrador retriever</source>
            <extracomment>vision</extracomment>
            <translation>拉布拉多寻回犬</translation>
        </message>
        <message>
            <source>Chesapeake Bay retriever</source>
            <extracomment>vision</extracomment>
            <translation>乞沙比克猎犬</translation>
        </message>
        <message>
            <source>German short-haired pointer</source>
            <extracomment>vision</extracomment>
            <translation>德国短毛指示犬</translation>
        </message>
        <message>
            <source>vizsla</source>
            <extracomment>vision</extracomment>
            <translation>维兹拉犬</translation>
        </message>
        <message>
            <source>English setter</source>
            <extracomment>vision</extracomment>
            <translation>英国雪达犬</translation>
        </message>
        <message>
            <source>Irish setter</source>
            <extracomment>vision</extracomment>
            <translation>爱尔兰雪达犬</translation>
        </message>
        <message>
            <source>Gordon setter</source>
            <extracomment>vision</extracomment>
            <translation>戈登雪达犬</translation>
        </message>
        <message>
            <source>Brittany spaniel</source>
            <extracomment>vision</extracomment>
            <translation>布列塔尼猎犬</translation>
        </message>
        <message>
            <source>clumber</source>
            <extracomment>vision</extracomment>
            <translation>克伦伯猎犬</translation>
        </message>
        <message>
            <source>English springer</source>
            <extracomment>vision</extracomment>
            <translation>英国史宾格犬</translation>
        </message>
        <message>
            <source>Welsh springer spaniel</source>
            <extracomment>vision</extracomment>
            <translation>威尔士史宾格犬</translation>
        </message>
        <message>
            <source>cocker spaniel</source>
            <extracomment>vision</extracomment>
            <translation>可卡犬</translation>
        </message>
        <message>
            <source>Sussex spaniel</source>
            <extracomment>vision</extracomment>
            <translation>苏塞克斯猎犬</translation>
        </message>
        <message>
            <source>Irish water spaniel</source>
            <extracomment>vision</extracomment>
            <translation>爱尔兰水猎犬</translation>
        </message>
        <message>
            <source>kuvasz</source>
            <extracomment>vision</extracomment>
            <translation>库瓦兹犬</translation>
        </message>
        <message>
            <source>schipperke</source>
            <extracomment>vision</extracomment>
            <translation>史奇派克犬</translation>
        </message>
        <message>
            <source>groenendael</source>
            <extracomment>vision</extracomment>
            <translation>格罗安达犬</translation>
        </message>
        <message>
            <source>malinois</source>
            <extracomment>vision</extracomment>
            <translation>马林诺斯犬</translation>
        </message>
        <message>
            <source>briard</source>
            <extracomment>vision</extracomment>
            <translation>伯瑞犬</translation>
        </message>
        <message>
            <source>kelpie</source>
            <extracomment>vision</extracomment>
            <translation>澳大利亚卡尔比犬</translation>
        </message>
        <message>
            <source>komondor</source>
            <extracomment>vision</extracomment>
            <translation>可蒙犬</translation>
        </message>
        <message>
            <source>Old English sheepdog</source>
            <extracomment>vision</extracomment>
            <translation>古代英国牧羊犬</translation>
        </message>
        <message>
            <source>Shetland sheepdog</source>
            <extracomment>vision</extracomment>
            <translation>喜乐蒂牧羊犬</translation>
        </message>
        <message>
            <source>collie</source>
            <extracomment>vision</extracomment>
            <translation>柯利牧羊犬</translation>
        </message>
        <message>
            <source>Border collie</source>
            <extracomment>vision</extracomment>
            <translation>边境牧羊犬</translation>
        </message>
        <message>
            <source>Bouvier des Flandres</source>
            <extracomment>vision</extracomment>
            <translation>法兰德斯畜牧犬</translation>
        </message>
        <message>
            <source>Rottweiler</source>
            <extracomment>vision</extracomment>
            <translation>罗威纳犬</translation>
        </message>
        <message>
            <source>German shepherd</source>
            <extracomment>vision</extracomment>
            <translation>德国牧羊犬</translation>
        </message>
        <message>
            <source>Doberman</source>
            <extracomment>vision</extracomment>
            <translation>杜宾犬</translation>
        </message>
        <message>
            <source>miniature pinscher</source>
            <extracomment>vision</extracomment>
            <translation>迷你杜宾犬</translation>
        </message>
        <message>
            <source>Greater Swiss Mountain dog</source>
            <extracomment>vision</extracomment>
            <translation>大瑞士山地犬</translation>
        </message>
        <message>
            <source>Bernese mountain dog</source>
            <extracomment>vision</extracomment>
            <translation>伯恩山犬</translation>
        </message>
        <message>
            <source>Appenzeller</source>
            <extracomment>vision</extracomment>
            <translation>阿彭策尔山犬</translation>
        </message>
        <message>
            <source>EntleBucher</source>
            <extracomment>vision</extracomment>
            <translation>恩特布山犬</translation>
        </message>
        <message>
            <source>boxer</source>
            <extracomment>vision</extracomment>
            <translation>拳师犬</translation>
        </message>
        <message>
            <source>bull mastiff</source>
            <extracomment>vision</extracomment>
            <translation>斗牛獒</translation>
        </message>
        <message>
            <source>Tibetan mastiff</source>
            <extracomment>vision</extracomment>
            <translation>藏獒</translation>
        </message>
        <message>
            <source>French bulldog</source>
            <extracomment>vision</extracomment>
            <translation>法国斗牛犬</translation>
        </message>
        <message>
            <source>Great Dane</source>
            <extracomment>vision</extracomment>
            <translation>大丹犬</translation>
        </message>
        <message>
            <source>Saint Bernard</source>
            <extracomment>vision</extracomment>
            <translation>圣伯纳犬</translation>
        </message>
        <message>
            <source>Eskimo dog</source>
            <extracomment>vision</extracomment>
            <translation>爱斯基摩犬</translation>
        </message>
        <message>
            <source>malamute</source>
            <extracomment>vision</extracomment>
            <translation>阿拉斯加雪橇犬</translation>
        </message>
        <message>
            <source>Siberian husky</source>
            <extracomment>vision</extracomment>
            <translation>西伯利亚哈士奇</translation>
        </message>
        <message>
            <source>dalmatian</source>
            <extracomment>vision</extracomment>
            <translation>斑点狗</translation>
        </message>
        <message>
            <source>affenpinscher</source>
            <extracomment>vision</extracomment>
            <translation>猴面梗</translation>
        </message>
        <message>
            <source>basenji</source>
            <extracomment>vision</extracomment>
            <translation>巴辛吉犬</translation>
        </message>
        <message>
            <source>pug</source>
            <extracomment>vision</extracomment>
            <translation>巴哥犬</translation>
        </message>
        <message>
            <source>Leonberg</source>
            <extracomment>vision</extracomment>
            <translation>莱昂贝格犬</translation>
        </message>
        <message>
            <source>Newfoundland</source>
            <extracomment>vision</extracomment>
            <translation>纽芬兰犬</translation>
        </message>
        <message>
            <source>Great Pyrenees</source>
            <extracomment>vision</extracomment>
            <translation>大白熊犬</translation>
        </message>
        <message>
            <source>Samoyed</source>
            <extracomment>vision</extracomment>
            <translation>萨摩耶</translation>
        </message>
        <message>
            <source>Pomeranian</source>
            <extracomment>vision</extracomment>
            <translation>博美犬</translation>
        </message>
        <message>
            <source>chow</source>
            <extracomment>vision</extracomment>
            <translation>松狮犬</translation>
        </message>
        <message>
            <source>keeshond</source>
            <extracomment>vision</extracomment>
            <translation>荷兰毛狮犬</translation>
        </message>
        <message>
            <source>Brabancon griffon</source>
            <extracomment>vision</extracomment>
            <translation>布鲁塞尔格里芬犬</translation>
        </message>
        <message>
            <source>Pembroke</source>
            <extracomment>vision</extracomment>
            <translation>彭布罗克柯基犬</translation>
        </message>
        <message>
            <source>Cardigan</source>
            <extracomment>vision</extracomment>
            <translation>卡迪根柯基犬</translation>
        </message>
        <message>
            <source>toy poodle</source>
            <extracomment>vision</extracomment>
            <translation>玩具贵宾犬</translation>
        </message>
        <message>
            <source>miniature poodle</source>
            <extracomment>vision</extracomment>
            <translation>迷你贵宾犬</translation>
        </message>
        <message>
            <source>standard poodle</source>
            <extracomment>vision</extracomment>
            <translation>标准贵宾犬</translation>
        </message>
        <message>
            <source>Mexican hairless</source>
            <extracomment>vision</extracomment>
            <translation>墨西哥无毛犬</translation>
        </message>
        <message>
            <source>timber wolf</source>
            <extracomment>vision</extracomment>
            <translation>灰狼</translation>
        </message>
        <message>
            <source>white wolf</source>
            <extracomment>vision</extracomment>
            <translation>白狼</translation>
        </message>
        <message>
            <source>red wolf</source>
            <extracomment>vision</extracomment>
            <translation>红狼</translation>
        </message>
        <message>
            <source>coyote</source>
            <extracomment>vision</extracomment>
            <translation>郊狼</translation>
        </message>
        <message>
            <source>dingo</source>
            <extracomment>vision</extracomment>
            <translation>澳洲野犬</translation>
        </message>
        <message>
            <source>dhole</source>
            <extracomment>vision</extracomment>
            <translation>豺</translation>
        </message>
        <message>
            <source>African hunting dog</source>
            <extracomment>vision</extracomment>
            <translation>非洲野犬</translation>
        </message>
        <message>
            <source>hyena</source>
            <extracomment>vision</extracomment>
            <translation>鬣狗</translation>
        </message>
        <message>
            <source>red fox</source>
            <extracomment>vision</extracomment>
            <translation>赤狐</translation>
        </message>
        <message>
            <source>kit fox</source>
            <extracomment>vision</extracomment>
            <translation>敏狐</translation>
        </message>
        <message>
            <source>Arctic fox</source>
            <extracomment>vision</extracomment>
            <translation>北极狐</translation>
        </message>
        <message>
            <source>grey fox</source>
            <extracomment>vision</extracomment>
            <translation>灰狐</translation>
        </message>
        <message>
            <source>tabby</source>
            <extracomment>vision</extracomment>
            <translation>虎斑猫</translation>
        </message>
        <message>
            <source>tiger cat</source>
            <extracomment>vision</extracomment>
            <translation>虎猫</translation>
        </message>
        <message>
            <source>Persian cat</source>
            <extracomment>vision</extracomment>
            <translation>波斯猫</translation>
        </message>
        <message>
            <source>Siamese cat</source>
            <extracomment>vision</extracomment>
            <translation>暹罗猫</translation>
        </message>
        <message>
            <source>Egyptian cat</source>
            <extracomment>vision</extracomment>
            <translation>埃及猫</translation>
        </message>
        <message>
            <source>cougar</source>
            <extracomment>vision</extracomment>
            <translation>美洲狮</translation>
        </message>
        <message>
            <source>lynx</source>
            <extracomment>vision</extracomment>
            <translation>猞猁</translation>
        </message>
        <message>
            <source>leopard</source>
            <extracomment>vision</extracomment>
            <translation>豹</translation>
        </message>
        <message>
            <source>snow leopard</source>
            <extracomment>vision</extracomment>
            <translation>雪豹</translation>
        </message>
        <message>
            <source>jaguar</source>
            <extracomment>vision</extracomment>
            <translation>美洲豹</translation>
        </message>
        <message>
            <source>lion</source>
            <extracomment>vision</extracomment>
            <translation>狮子</translation>
        </message>
        <message>
            <source>tiger</source>
            <extracomment>vision</extracomment>
            <translation>老虎</translation>
        </message>
        <message>
            <source>cheetah</source>
            <extracomment>vision</extracomment>
            <translation>猎豹</translation>
        </message>
        <message>
            <source>brown bear</source>
            <extracomment>vision</extracomment>
            <translation>棕熊</translation>
        </message>
        <message>
            <source>American black bear</source>
            <extracomment>vision</extracomment>
            <translation>美洲黑熊</translation>
        </message>
        <message>
            <source>ice bear</source>
            <extracomment>vision</extracomment>
            <translation>北极熊</translation>
        </message>
        <message>
            <source>sloth bear</source>
            <extracomment>vision</extracomment>
            <translation>懒熊</translation>
        </message>
        <message>
            <source>mongoose</source>
            <extracomment>vision</extracomment>
            <translation>獴</translation>
        </message>
        <message>
            <source>meerkat</source>
            <extracomment>vision</extracomment>
            <translation>猫鼬</translation>
        </message>
        <message>
            <source>tiger beetle</source>
            <extracomment>vision</extracomment>
            <translation>虎甲虫</translation>
        </message>
        <message>
            <source>ladybug</source>
            <extracomment>vision</extracomment>
            <translation>瓢虫</translation>
        </message>
        <message>
            <source>ground beetle</source>
            <extracomment>vision</extracomment>
            <translation>步行虫</translation>
        </message>
        <message>
            <source>long-horned beetle</source>
            <extracomment>vision</extracomment>
            <translation>天牛</translation>
        </message>
        <message>
            <source>leaf beetle</source>
            <extracomment>vision</extracomment>
            <translation>叶甲</translation>
        </message>
        <message>
            <source>dung beetle</source>
            <extracomment>vision</extracomment>
            <translation>蜣螂</translation>
        </message>
        <message>
            <source>rhinoceros beetle</source>
            <extracomment>vision</extracomment>
            <translation>犀牛甲虫</translation>
        </message>
        <message>
            <source>weevil</source>
            <extracomment>vision</extracomment>
            <translation>象鼻虫</translation>
        </message>
        <message>
            <source>fly</source>
            <extracomment>vision</extracomment>
            <translation>苍蝇</translation>
        </message>
        <message>
            <source>bee</source>
            <extracomment>vision</extracomment>
            <translation>蜜蜂</translation>
        </message>
        <message>
            <source>ant</source>
            <extracomment>vision</extracomment>
            <translation>蚂蚁</translation>
        </message>
        <message>
            <source>grasshopper</source>
            <extracomment>vision</extracomment>
            <translation>蚱蜢</translation>
        </message>
        <message>
            <source>cricket</source>
            <extracomment>vision</extracomment>
            <translation>蟋蟀</translation>
        </message>
        <message>
            <source>walking stick</source>
            <extracomment>vision</extracomment>
            <translation>竹节虫</translation>
        </message>
        <message>
            <source>cockroach</source>
            <extracomment>vision</extracomment>
            <translation>蟑螂</translation>
        </message>
        <message>
            <source>mantis</source>
            <extracomment>vision</extracomment>
            <translation>螳螂</translation>
        </message>
        <message>
            <source>cicada</source>
            <extracomment>vision</extracomment>
            <translation>蝉</translation>
        </message>
        <message>
            <source>leafhopper</source>
            <extracomment>vision</extracomment>
            <translation>叶蝉</translation>
        </message>
        <message>
            <source>lacewing</source>
            <extracomment>vision</extracomment>
            <translation>草蛉</translation>
        </message>
        <message>
            <source>dragonfly</source>
            <extracomment>vision</extracomment>
            <translation>蜻蜓</translation>
        </message>
        <message>
            <source>damselfly</source>
            <extracomment>vision</extracomment>
            <translation>豆娘</translation>
        </message>
        <message>
            <source>admiral</source>
            <extracomment>vision</extracomment>
            <translation>红纹蛱蝶</translation>
        </message>
        <message>
            <source>ringlet</source>
            <extracomment>vision</extracomment>
            <translation>眼蝶</translation>
        </message>
        <message>
            <source>monarch</source>
            <extracomment>vision</extracomment>
            <translation>帝王蝶</translation>
        </message>
        <message>
            <source>cabbage butterfly</source>
            <extracomment>vision</extracomment>
            <translation>菜粉蝶</translation>
        </message>
        <message>
            <source>sulphur butterfly</source>
            <extracomment>vision</extracomment>
            <translation>黄粉蝶</translation>
        </message>
        <message>
            <source>lycaenid</source>
            <extracomment>vision</extracomment>
            <translation>灰蝶</translation>
        </message>
        <message>
            <source>starfish</source>
            <extracomment>vision</extracomment>
            <translation>海星</translation>
        </message>
        <message>
            <source>sea urchin</source>
            <extracomment>vision</extracomment>
            <translation>海胆</translation>
        </message>
        <message>
            <source>sea cucumber</source>
            <extracomment>vision</extracomment>
            <translation>海参</translation>
        </message>
        <message>
            <source>wood rabbit</source>
            <extracomment>vision</extracomment>
            <translation>棉尾兔</translation>
        </message>
        <message>
            <source>hare</source>
            <extracomment>vision</extracomment>
            <translation>野兔</translation>
        </message>
        <message>
            <source>Angora</source>
            <extracomment>vision</extracomment>
            <translation>安哥拉兔</translation>
        </message>
        <message>
            <source>hamster</source>
            <extracomment>vision</extracomment>
            <translation>仓鼠</translation>
        </message>
        <message>
            <source>porcupine</source>
            <extracomment>vision</extracomment>
            <translation>豪猪</translation>
        </message>
        <message>
            <source>fox squirrel</source>
            <extracomment>vision</extracomment>
            <translation>狐松鼠</translation>
        </message>
        <message>
            <source>marmot</source>
            <extracomment>vision</extracomment>
            <translation>旱獭</translation>
        </message>
        <message>
            <source>beaver</source>
            <extracomment>vision</extracomment>
            <translation>河狸</translation>
        </message>
        <message>
            <source>guinea pig</source>
            <extracomment>vision</extracomment>
            <translation>豚鼠</translation>
        </message>
        <message>
            <source>sorrel</source>
            <extracomment>vision</extracomment>
            <translation>栗色马</translation>
        </message>
        <message>
            <source>zebra</source>
            <extracomment>vision</extracomment>
            <translation>斑马</translation>
        </message>
        <message>
            <source>hog</source>
            <extracomment>vision</extracomment>
            <translation>猪</translation>
        </message>
        <message>
            <source>wild boar</source>
            <extracomment>vision</extracomment>
            <translation>野猪</translation>
        </message>
        <message>
            <source>warthog</source>
            <extracomment>vision</extracomment>
            <translation>疣猪</translation>
        </message>
        <message>
            <source>hippopotamus</source>
            <extracomment>vision</extracomment>
            <translation>河马</translation>
        </message>
        <message>
            <source>ox</source>
            <extracomment>vision</extracomment>
            <translation>牛</translation>
        </message>
        <message>
            <source>water buffalo</source>
            <extracomment>vision</extracomment>
            <translation>水牛</translation>
        </message>
        <message>
            <source>bison</source>
            <extracomment>vision</extracomment>
            <translation>野牛</translation>
        </message>
        <message>
            <source>ram</source>
            <extracomment>vision</extracomment>
            <translation>公羊</translation>
        </message>
        <message>
            <source>bighorn</source>
            <extracomment>vision</extracomment>
            <translation>大角羊</translation>
        </message>
        <message>
            <source>ibex</source>
            <extracomment>vision</extracomment>
            <translation>北山羊</translation>
        </message>
        <message>
            <source>hartebeest</source>
            <extracomment>vision</extracomment>
            <translation>狷羚</translation>
        </message>
        <message>
            <source>impala</source>
            <extracomment>vision</extracomment>
            <translation>黑斑羚</translation>
        </message>
        <message>
            <source>gazelle</source>
            <extracomment>vision</extracomment>
            <translation>瞪羚</translation>
        </message>
        <message>
            <source>Arabian camel</source>
            <extracomment>vision</extracomment>
            <translation>单峰骆驼</translation>
        </message>
        <message>
            <source>llama</source>
            <extracomment>vision</extracomment>
            <translation>美洲驼</translation>
        </message>
        <message>
            <source>weasel</source>
            <extracomment>vision</extracomment>
            <translation>黄鼠狼</translation>
        </message>
        <message>
            <source>mink</source>
            <extracomment>vision</extracomment>
            <translation>水貂</translation>
        </message>
        <message>
            <source>polecat</source>
            <extracomment>vision</extracomment>
            <translation>艾鼬</translation>
        </message>
        <message>
            <source>black-footed ferret</source>
            <extracomment>vision</extracomment>
            <translation>黑足鼬</translation>
        </message>
        <message>
            <source>otter</source>
            <extracomment>vision</extracomment>
            <translation>水獭</translation>
        </message>
        <message>
            <source>skunk</source>
            <extracomment>vision</extracomment>
            <translation>臭鼬</translation>
        </message>
        <message>
            <source>badger</source>
            <extracomment>vision</extracomment>
            <translation>獾</translation>
        </message>
        <message>
            <source>armadillo</source>
            <extracomment>vision</extracomment>
            <translation>犰狳</translation>
        </message>
        <message>
            <source>three-toed sloth</source>
            <extracomment>vision</extracomment>
            <translation>三趾树懒</translation>
        </message>
        <message>
            <source>orangutan</source>
            <extracomment>vision</extracomment>
            <translation>猩猩</translation>
        </message>
        <message>
            <source>gorilla</source>
            <extracomment>vision</extracomment>
            <translation>大猩猩</translation>
        </message>
        <message>
            <source>chimpanzee</source>
            <extracomment>vision</extracomment>
            <translation>黑猩猩</translation>
        </message>
        <message>
            <source>gibbon</source>
            <extracomment>vision</extracomment>
            <translation>长臂猿</translation>
        </message>
        <message>
            <source>siamang</source>
            <extracomment>vision</extracomment>
            <translation>合趾猿</translation>
        </message>
        <message>
            <source>guenon</source>
            <extracomment>vision</extracomment>
            <translation>长尾猴</translation>
        </message>
        <message>
            <source>patas</source>
            <extracomment>vision</extracomment>
            <translation>赤猴</translation>
        </message>
        <message>
            <source>baboon</source>
            <extracomment>vision</extracomment>
            <translation>狒狒</translation>
        </message>
        <message>
            <source>macaque</source>
            <extracomment>vision</extracomment>
            <translation>猕猴</translation>
        </message>
        <message>
            <source>langur</source>
            <extracomment>vision</extracomment>
            <translation>叶猴</translation>
        </message>
        <message>
            <source>colobus</source>
            <extracomment>vision</extracomment>
            <translation>疣猴</translation>
        </message>
        <message>
            <source>proboscis monkey</source>
            <extracomment>vision</extracomment>
            <translation>长鼻猴</translation>
        </message>
        <message>
            <source>marmoset</source>
            <extracomment>vision</extracomment>
            <translation>狨猴</translation>
        </message>
        <message>
            <source>capuchin</source>
            <extracomment>vision</extracomment>
            <translation>卷尾猴</translation>
        </message>
        <message>
            <source>howler monkey</source>
            <extracomment>vision</extracomment>
            <translation>吼猴</translation>
        </message>
        <message>
            <source>titi</source>
            <extracomment>vision</extracomment>
            <translation>伶猴</translation>
        </message>
        <message>
            <source>spider monkey</source>
            <extracomment>vision</extracomment>
            <translation>蜘蛛猴</translation>
        </message>
        <message>
            <source>squirrel monkey</source>
            <extracomment>vision</extracomment>
            <translation>松鼠猴</translation>
        </message>
        <message>
            <source>Madagascar cat</source>
            <extracomment>vision</extracomment>
            <translation>环尾狐猴</translation>
        </message>
        <message>
            <source>indri</source>
            <extracomment>vision</extracomment>
            <translation>大狐猴</translation>
        </message>
        <message>
            <source>Indian elephant</source>
            <extracomment>vision</extracomment>
            <translation>亚洲象</translation>
        </message>
        <message>
            <source>African elephant</source>
            <extracomment>vision</extracomment>
            <translation>非洲象</translation>
        </message>
        <message>
            <source>lesser panda</source>
            <extracomment>vision</extracomment>
            <translation>小熊猫</translation>
        </message>
        <message>
            <source>giant panda</source>
            <extracomment>vision</extracomment>
            <translation>大熊猫</translation>
        </message>
        <message>
            <source>barracouta</source>
            <extracomment>vision</extracomment>
            <translation>杖鱼</translation>
        </message>
        <message>
            <source>eel</source>
            <extracomment>vision</extracomment>
            <translation>鳗鱼</translation>
        </message>
        <message>
            <source>coho</source>
            <extracomment>vision</extracomment>
            <translation>银鲑</translation>
        </message>
        <message>
            <source>rock beauty</source>
            <extracomment>vision</extracomment>
            <translation>石美人</translation>
        </message>
        <message>
            <source>anemone fish</source>
            <extracomment>vision</extracomment>
            <translation>小丑鱼</translation>
        </message>
        <message>
            <source>sturgeon</source>
            <extracomment>vision</extracomment>
            <translation>鲟鱼</translation>
        </message>
        <message>
            <source>gar</source>
            <extracomment>vision</extracomment>
            <translation>雀鳝</translation>
        </message>
        <message>
            <source>lionfish</source>
            <extracomment>vision</extracomment>
            <translation>狮子鱼</translation>
        </message>
        <message>
            <source>puffer</source>
            <extracomment>vision</extracomment>
            <translation>河豚</translation>
        </message>
        <message>
            <source>abacus</source>
            <extracomment>vision</extracomment>
            <translation>算盘</translation>
        </message>
        <message>
            <source>abaya</source>
            <extracomment>vision</extracomment>
            <translation>阿拉伯长袍</translation>
        </message>
        <message>
            <source>academic gown</source>
            <extracomment>vision</extracomment>
            <translation>学位袍</translation>
        </message>
        <message>
            <source>accordion</source>
            <extracomment>vision</extracomment>
            <translation>手风琴</translation>
        </message>
        <message>
            <source>acoustic guitar</source>
            <extracomment>vision</extracomment>
            <translation>木吉他</translation>
        </message>
        <message>
            <source>aircraft carrier</source>
            <extracomment>vision</extracomment>
            <translation>航空母舰</translation>
        </message>
        <message>
            <source>airliner</source>
            <extracomment>vision</extracomment>
            <translation>客机</translation>
        </message>
        <message>
            <source>airship</source>
            <extracomment>vision</extracomment>
            <translation>飞艇</translation>
        </message>
        <message>
            <source>altar</source>
            <extracomment>vision</extracomment>
            <translation>祭坛</translation>
        </message>
        <message>
            <source>ambulance</source>
            <extracomment>vision</extracomment>
            <translation>救护车</translation>
        </message>
        <message>
            <source>amphibian</source>
            <extracomment>vision</extracomment>
            <translation>水陆两用车</translation>
        </message>
        <message>
            <source>analog clock</source>
            <extracomment>vision</extracomment>
            <translation>指针式时钟</translation>
        </message>
        <message>
            <source>apiary</source>
            <extracomment>vision</extracomment>
            <translation>养蜂场</translation>
        </message>
        <message>
            <source>apron</source>
            <extracomment>vision</extracomment>
            <translation>围裙</translation>
        </message>
        <message>
            <source>ashcan</source>
            <extracomment>vision</extracomment>
            <translation>垃圾桶</translation>
        </message>
        <message>
            <source>assault rifle</source>
            <extracomment>vision</extracomment>
            <translation>突击步枪</translation>
        </message>
        <message>
            <source>backpack</source>
            <extracomment>vision</extracomment>
            <translation>背包</translation>
        </message>
        <message>
            <source>bakery</source>
            <extracomment>vision</extracomment>
            <translation>面包店</translation>
        </message>
        <message>
            <source>balance beam</source>
            <extracomment>vision</extracomment>
            <translation>平衡木</translation>
        </message>
        <message>
            <source>balloon</source>
            <extracomment>vision</extracomment>
            <translation>气球</translation>
        </message>
        <message>
            <source>ballpoint</source>
            <extracomment>vision</extracomment>
            <translation>圆珠笔</translation>
        </message>
        <message>
            <source>Band Aid</source>
            <extracomment>vision</extracomment>
            <translation>创可贴</translation>
        </message>
        <message>
            <source>banjo</source>
            <extracomment>vision</extracomment>
            <translation>班卓琴</translation>
        </message>
        <message>
            <source>bannister</source>
            <extracomment>vision</extracomment>
            <translation>栏杆</translation>
        </message>
        <message>
            <source>barbell</source>
            <extracomment>vision</extracomment>
            <translation>杠铃</translation>
        </message>
        <message>
            <source>barber chair</source>
            <extracomment>vision</extracomment>
            <translation>理发椅</translation>
        </message>
        <message>
            <source>barbershop</source>
            <extracomment>vision</extracomment>
            <translation>理发店</translation>
        </message>
        <message>
            <source>barn</source>
            <extracomment>vision</extracomment>
            <translation>谷仓</translation>
        </message>
        <message>
            <source>barometer</source>
            <extracomment>vision</extracomment>
            <translation>气压计</translation>
        </message>
        <message>
            <source>barrel</source>
            <extracomment>vision</extracomment>
            <translation>桶</translation>
        </message>
        <message>
            <source>barrow</source>
            <extracomment>vision</extracomment>
            <translation>手推车</translation>
        </message>
        <message>
            <source>baseball</source>
            <extracomment>vision</extracomment>
            <translation>棒球</translation>
        </message>
        <message>
            <source>basketball</source>
            <extracomment>vision</extracomment>
            <translation>篮球</translation>
        </message>
        <message>
            <source>bassinet</source>
            <extracomment>vision</extracomment>
            <translation>婴儿摇篮</translation>
        </message>
        <message>
            <source>bassoon</source>
            <extracomment>vision</extracomment>
            <translation>巴松管</translation>
        </message>
        <message>
            <source>bathing cap</source>
            <extracomment>vision</extracomment>
            <translation>泳帽</translation>
        </message>
        <message>
            <source>bath towel</source>
            <extracomment>vision</extracomment>
            <translation>浴巾</translation>
        </message>
        <message>
            <source>bathtub</source>
            <extracomment>vision</extracomment>
            <translation>浴缸</translation>
        </message>
        <message>
            <source>beach wagon</source>
            <extracomment>vision</extracomment>
            <translation>旅行车</translation>
        </message>
        <message>
            <source>beacon</source>
            <extracomment>vision</extracomment>
            <translation>灯塔</translation>
        </message>
        <message>
            <source>beaker</source>
            <extracomment>vision</extracomment>
            <translation>烧杯</translation>
        </message>
        <message>
            <source>bearskin</source>
            <extracomment>vision</extracomment>
            <translation>熊皮高帽</translation>
        </message>
        <message>
            <source>beer bottle</source>
            <extracomment>vision</extracomment>
            <translation>啤酒瓶</translation>
        </message>
        <message>
            <source>beer glass</source>
            <extracomment>vision</extracomment>
            <translation>啤酒杯</translation>
        </message>
        <message>
            <source>bell cote</source>
            <extracomment>vision</extracomment>
            <translation>钟楼</translation>
        </message>
        <message>
            <source>bib</source>
            <extracomment>vision</extracomment>
            <translation>围嘴</translation>
        </message>
        <message>
            <source>tandem bicycle</source>
            <extracomment>vision</extracomment>
            <translation>双人自行车</translation>
        </message>
        <message>
            <source>bikini</source>
            <extracomment>vision</extracomment>
            <translation>比基尼</translation>
        </message>
        <message>
            <source>binder</source>
            <extracomment>vision</extracomment>
            <translation>活页夹</translation>
        </message>
        <message>
            <source>binoculars</source>
            <extracomment>vision</extracomment>
            <translation>双筒望远镜</translation>
        </message>
        <message>
            <source>birdhouse</source>
            <extracomment>vision</extracomment>
            <translation>鸟舍</translation>
        </message>
        <message>
            <source>boathouse</source>
            <extracomment>vision</extracomment>
            <translation>船屋</translation>
        </message>
        <message>
            <source>bobsled</source>
            <extracomment>vision</extracomment>
            <translation>雪车</translation>
        </message>
        <message>
            <source>bolo tie</source>
            <extracomment>vision</extracomment>
            <translation>波洛领带</translation>
        </message>
        <message>
            <source>bonnet</source>
            <extracomment>vision</extracomment>
            <translation>女帽</translation>
        </message>
        <message>
            <source>bookcase</source>
            <extracomment>vision</extracomment>
            <translation>书柜</translation>
        </message>
        <message>
            <source>bookshop</source>
            <extracomment>vision</extracomment>
            <translation>书店</translation>
        </message>
        <message>
            <source>bottlecap</source>
            <extracomment>vision</extracomment>
            <translation>瓶盖</translation>
        </message>
        <message>
            <source>bow</source>
            <extracomment>vision</extracomment>
            <translation>弓</translation>
        </message>
        <message>
            <source>bow tie</source>
            <extracomment>vision</extracomment>
            <translation>领结</translation>
        </message>
        <message>
            <source>brass</source>
            <extracomment>vision</extracomment>
            <translation>纪念铜牌</translation>
        </message>
        <message>
            <source>brassiere</source>
            <extracomment>vision</extracomment>
            <translation>胸罩</translation>
        </message>
        <message>
            <source>breakwater</source>
            <extracomment>vision</extracomment>
            <translation>防波堤</translation>
        </message>
        <message>
            <source>breastplate</source>
            <extracomment>vision</extracomment>
            <translation>胸甲</translation>
        </message>
        <message>
            <source>broom</source>
            <extracomment>vision</extracomment>
            <translation>扫帚</translation>
        </message>
        <message>
            <source>bucket</source>
            <extracomment>vision</extracomment>
            <translation>水桶</translation>
        </message>
        <message>
            <source>buckle</source>
            <extracomment>vision</extracomment>
            <translation>带扣</translation>
        </message>
        <message>
            <source>bulletproof vest</source>
            <extracomment>vision</extracomment>
            <translation>防弹背心</translation>
        </message>
        <message>
            <source>bullet train</source>
            <extracomment>vision</extracomment>
            <translation>子弹头列车</translation>
        </message>
        <message>
            <source>butcher shop</source>
            <extracomment>vision</extracomment>
            <translation>肉店</translation>
        </message>
        <message>
            <source>cab</source>
            <extracomment>vision</extracomment>
            <translation>出租车</translation>
        </message>
        <message>
            <source>caldron</source>
            <extracomment>vision</extracomment>
            <translation>大锅</translation>
        </message>
        <message>
            <source>candle</source>
            <extracomment>vision</extracomment>
            <translation>蜡烛</translation>
        </message>
        <message>
            <source>cannon</source>
            <extracomment>vision</extracomment>
            <translation>大炮</translation>
        </message>
        <message>
            <source>canoe</source>
            <extracomment>vision</extracomment>
            <translation>独木舟</translation>
        </message>
        <message>
            <source>can opener</source>
            <extracomment>vision</extracomment>
            <translation>开罐器</translation>
        </message>
        <message>
            <source>cardigan</source>
            <extracomment>vision</extracomment>
            <translation>开衫</translation>
        </message>
        <message>
            <source>car mirror</source>
            <extracomment>vision</extracomment>
            <translation>汽车后视镜</translation>
        </message>
        <message>
            <source>carousel</source>
            <extracomment>vision</extracomment>
            <translation>旋转木马</translation>
        </message>
        <message>
            <source>carpenter's kit</source>
            <extracomment>vision</extracomment>
            <translation>工具箱</translation>
        </message>
        <message>
            <source>carton</source>
            <extracomment>vision</extracomment>
            <translation>纸箱</translation>
        </message>
        <message>
            <source>car wheel</source>
            <extracomment>vision</extracomment>
            <translation>车轮</translation>
        </message>
        <message>
            <source>cash machine</source>
            <extracomment>vision</extracomment>
            <translation>自动取款机</translation>
        </message>
        <message>
            <source>cassette</source>
            <extracomment>vision</extracomment>
            <translation>磁带</translation>
        </message>
        <message>
            <source>cassette player</source>
            <extracomment>vision</extracomment>
            <translation>磁带播放器</translation>
        </message>
        <message>
            <source>castle</source>
            <extracomment>vision</extracomment>
            <translation>城堡</translation>
        </message>
        <message>
            <source>catamaran</source>
            <extracomment>vision</extracomment>
            <translation>双体船</translation>
        </message>
        <message>
            <source>CD player</source>
            <extracomment>vision</extracomment>
            <translation>CD 播放机</translation>
        </message>
        <message>
            <source>cello</source>
            <extracomment>vision, music</extracomment>
            <translation>大提琴</translation>
        </message>
        <message>
            <source>cellular telephone</source>
            <extracomment>vision</extracomment>
            <translation>手机</translation>
        </message>
        <message>
            <source>chain</source>
            <extracomment>vision</extracomment>
            <translation>链条</translation>
        </message>
        <message>
            <source>chainlink fence</source>
            <extracomment>vision</extracomment>
            <translation>铁丝网围栏</translation>
        </message>
        <message>
            <source>chain mail</source>
            <extracomment>vision</extracomment>
            <translation>锁子甲</translation>
        </message>
        <message>
            <source>chain saw</source>
            <extracomment>vision</extracomment>
            <translation>链锯</translation>
        </message>
        <message>
            <source>chest</source>
            <extracomment>vision</extracomment>
            <translation>箱子</translation>
        </message>
        <message>
            <source>chiffonier</source>
            <extracomment>vision</extracomment>
            <translation>五斗柜</translation>
        </message>
        <message>
            <source>chime</source>
            <extracomment>vision</extracomment>
            <translation>管钟</translation>
        </message>
        <message>
            <source>china cabinet</source>
            <extracomment>vision</extracomment>
            <translation>瓷器柜</translation>
        </message>
        <message>
            <source>Christmas stocking</source>
            <extracomment>vision</extracomment>
            <translation>圣诞袜</translation>
        </message>
        <message>
            <source>church</source>
            <extracomment>vision</extracomment>
            <translation>教堂</translation>
        </message>
        <message>
            <source>cinema</source>
            <extracomment>vision</extracomment>
            <translation>电影院</translation>
        </message>
        <message>
            <source>cleaver</source>
            <extracomment>vision</extracomment>
            <translation>切肉刀</translation>
        </message>
        <message>
            <source>cliff dwelling</source>
            <extracomment>vision</extracomment>
            <translation>崖居</translation>
        </message>
        <message>
            <source>cloak</source>
            <extracomment>vision</extracomment>
            <translation>斗篷</translation>
        </message>
        <message>
            <source>clog</source>
            <extracomment>vision</extracomment>
            <translation>木屐</translation>
        </message>
        <message>
            <source>cocktail shaker</source>
            <extracomment>vision</extracomment>
            <translation>鸡尾酒摇酒器</translation>
        </message>
        <message>
            <source>coffee mug</source>
            <extracomment>vision</extracomment>
            <translation>咖啡杯</translation>
        </message>
        <message>
            <source>coffeepot</source>
            <extracomment>vision</extracomment>
            <translation>咖啡壶</translation>
        </message>
        <message>
            <source>coil</source>
            <extracomment>vision</extracomment>
            <translation>线圈</translation>
        </message>
        <message>
            <source>combination lock</source>
            <extracomment>vision</extracomment>
            <translation>密码锁</translation>
        </message>
        <message>
            <source>computer keyboard</source>
            <extracomment>vision</extracomment>
            <translation>电脑键盘</translation>
        </message>
        <message>
            <source>confectionery</source>
            <extracomment>vision</extracomment>
            <translation>糖果店</translation>
        </message>
        <message>
            <source>container ship</source>
            <extracomment>vision</extracomment>
            <translation>集装箱船</translation>
        </message>
        <message>
            <source>convertible</source>
            <extracomment>vision</extracomment>
            <translation>敞篷车</translation>
        </message>
        <message>
            <source>corkscrew</source>
            <extracomment>vision</extracomment>
            <translation>开瓶器</translation>
        </message>
        <message>
            <source>cornet</source>
            <extracomment>vision</extracomment>
            <translation>短号</translation>
        </message>
        <message>
            <source>cowboy boot</source>
            <extracomment>vision</extracomment>
            <translation>牛仔靴</translation>
        </message>
        <message>
            <source>cowboy hat</source>
            <extracomment>vision</extracomment>
            <translation>牛仔帽</translation>
        </message>
        <message>
            <source>cradle</source>
            <extracomment>vision</extracomment>
            <translation>摇篮</translation>
        </message>
        <message>
            <source>crane (machine)</source>
            <extracomment>vision</extracomment>
            <translation>起重机</translation>
        </message>
        <message>
            <source>crash helmet</source>
            <extracomment>vision</extracomment>
            <translation>防撞头盔</translation>
        </message>
        <message>
            <source>crate</source>
            <extracomment>vision</extracomment>
            <translation>板条箱</translation>
        </message>
        <message>
            <source>crib</source>
            <extracomment>vision</extracomment>
            <translation>婴儿床</translation>
        </message>
        <message>
            <source>Crock Pot</source>
            <extracomment>vision</extracomment>
            <translation>慢炖锅</translation>
        </message>
        <message>
            <source>croquet ball</source>
            <extracomment>vision</extracomment>
            <translation>槌球</translation>
        </message>
        <message>
            <source>crutch</source>
            <extracomment>vision</extracomment>
            <translation>拐杖</translation>
        </message>
        <message>
            <source>cuirass</source>
            <extracomment>vision</extracomment>
            <translation>护胸甲</translation>
        </message>
        <message>
            <source>dam</source>
            <extracomment>vision</extracomment>
            <translation>水坝</translation>
        </message>
        <message>
            <source>desk</source>
            <extracomment>vision</extracomment>
            <translation>书桌</translation>
        </message>
        <message>
            <source>desktop computer</source>
            <extracomment>vision</extracomment>
            <translation>台式电脑</translation>
        </message>
        <message>
            <source>dial telephone</source>
            <extracomment>vision</extracomment>
            <translation>拨号电话</translation>
        </message>
        <message>
            <source>diaper</source>
            <extracomment>vision</extracomment>
            <translation>尿布</translation>
        </message>
        <message>
            <source>digital clock</source>
            <extracomment>vision</extracomment>
            <translation>数字时钟</translation>
        </message>
        <message>
            <source>digital watch</source>
            <extracomment>vision</extracomment>
            <translation>电子表</translation>
        </message>
        <message>
            <source>dining table</source>
            <extracomment>vision</extracomment>
            <translation>餐桌</translation>
        </message>
        <message>
            <source>dishrag</source>
            <extracomment>vision</extracomment>
            <translation>洗碗布</translation>
        </message>
        <message>
            <source>dishwasher</source>
            <extracomment>vision</extracomment>
            <translation>洗碗机</translation>
        </message>
        <message>
            <source>disk brake</source>
            <extracomment>vision</extracomment>
            <translation>盘式制动器</translation>
        </message>
        <message>
            <source>dock</source>
            <extracomment>vision</extracomment>
            <translation>码头</translation>
        </message>
        <message>
            <source>dogsled</source>
            <extracomment>vision</extracomment>
            <translation>狗拉雪橇</translation>
        </message>
        <message>
            <source>dome</source>
            <extracomment>vision</extracomment>
            <translation>穹顶</translation>
        </message>
        <message>
            <source>doormat</source>
            <extracomment>vision</extracomment>
            <translation>门垫</translation>
        </message>
        <message>
            <source>drilling platform</source>
            <extracomment>vision</extracomment>
            <translation>钻井平台</translation>
        </message>
        <message>
            <source>drum</source>
            <extracomment>vision</extracomment>
            <translation>鼓</translation>
        </message>
        <message>
            <source>drumstick</source>
            <extracomment>vision</extracomment>
            <translation>鼓槌</translation>
        </message>
        <message>
            <source>dumbbell</source>
            <extracomment>vision</extracomment>
            <translation>哑铃</translation>
        </message>
        <message>
            <source>Dutch oven</source>
            <extracomment>vision</extracomment>
            <translation>荷兰锅</translation>
        </message>
        <message>
            <source>electric fan</source>
            <extracomment>vision</extracomment>
            <translation>电风扇</translation>
        </message>
        <message>
            <source>electric guitar</source>
            <extracomment>vision</extracomment>
            <translation>电吉他</translation>
        </message>
        <message>
            <source>electric locomotive</source>
            <extracomment>vision</extracomment>
            <translation>电力机车</translation>
        </message>
        <message>
            <source>entertainment center</source>
            <extracomment>vision</extracomment>
            <translation>电视柜</translation>
        </message>
        <message>
            <source>envelope</source>
            <extracomment>vision</extracomment>
            <translation>信封</translation>
        </message>
        <message>
            <source>espresso maker</source>
            <extracomment>vision</extracomment>
            <translation>意式咖啡机</translation>
        </message>
        <message>
            <source>face powder</source>
            <extracomment>vision</extracomment>
            <translation>粉饼</translation>
        </message>
        <message>
            <source>feather boa</source>
            <extracomment>vision</extracomment>
            <translation>羽毛围巾</translation>
        </message>
        <message>
            <source>file</source>
            <extracomment>vision</extracomment>
            <translation>文件柜</translation>
        </message>
        <message>
            <source>fireboat</source>
            <extracomment>vision</extracomment>
            <translation>消防船</translation>
        </message>
        <message>
            <source>fire engine</source>
            <extracomment>vision</extracomment>
            <translation>消防车</translation>
        </message>
        <message>
            <source>fire screen</source>
            <extracomment>vision</extracomment>
            <translation>壁炉挡板</translation>
        </message>
        <message>
            <source>flagpole</source>
            <extracomment>vision</extracomment>
            <translation>旗杆</translation>
        </message>
        <message>
            <source>flute</source>
            <extracomment>vision, music</extracomment>
            <translation>长笛</translation>
        </message>
        <message>
            <source>folding chair</source>
            <extracomment>vision</extracomment>
            <translation>折叠椅</translation>
        </message>
        <message>
            <source>football helmet</source>
            <extracomment>vision</extracomment>
            <translation>橄榄球头盔</translation>
        </message>
        <message>
            <source>forklift</source>
            <extracomment>vision</extracomment>
            <translation>叉车</translation>
        </message>
        <message>
            <source>fountain</source>
            <extracomment>vision</extracomment>
            <translation>喷泉</translation>
        </message>
        <message>
            <source>fountain pen</source>
            <extracomment>vision</extracomment>
            <translation>钢笔</translation>
        </message>
        <message>
            <source>four-poster</source>
            <extracomment>vision</extracomment>
            <translation>四柱床</translation>
        </message>
        <message>
            <source>freight car</source>
            <extracomment>vision</extracomment>
            <translation>货运车厢</translation>
        </message>
        <message>
            <source>French horn</source>
            <extracomment>vision, sounds</extracomment>
            <translation>圆号</translation>
        </message>
        <message>
            <source>frying pan</source>
            <extracomment>vision</extracomment>
            <translation>平底锅</translation>
        </message>
        <message>
            <source>fur coat</source>
            <extracomment>vision</extracomment>
            <translation>皮草大衣</translation>
        </message>
        <message>
            <source>garbage truck</source>
            <extracomment>vision</extracomment>
            <translation>垃圾车</translation>
        </message>
        <message>
            <source>gasmask</source>
            <extracomment>vision</extracomment>
            <translation>防毒面具</translation>
        </message>
        <message>
            <source>gas pump</source>
            <extracomment>vision</extracomment>
            <translation>加油机</translation>
        </message>
        <message>
            <source>goblet</source>
            <extracomment>vision</extracomment>
            <translation>高脚杯</translation>
        </message>
        <message>
            <source>go-kart</source>
            <extracomment>vision</extracomment>
            <translation>卡丁车</translation>
        </message>
        <message>
            <source>golf ball</source>
            <extracomment>vision</extracomment>
            <translation>高尔夫球</translation>
        </message>
        <message>
            <source>golfcart</source>
            <extracomment>vision</extracomment>
            <translation>高尔夫球车</translation>
        </message>
        <message>
            <source>gondola</source>
            <extracomment>vision</extracomment>
            <translation>贡多拉</translation>
        </message>
        <message>
            <source>gong</source>
            <extracomment>vision</extracomment>
            <translation>锣</translation>
        </message>
        <message>
            <source>gown</source>
            <extracomment>vision</extracomment>
            <translation>礼服</translation>
        </message>
        <message>
            <source>grand piano</source>
            <extracomment>vision</extracomment>
            <translation>三角钢琴</translation>
        </message>
        <message>
            <source>greenhouse</source>
            <extracomment>vision</extracomment>
            <translation>温室</translation>
        </message>
        <message>
            <source>grille</source>
            <extracomment>vision</extracomment>
            <translation>汽车格栅</translation>
        </message>
        <message>
            <source>grocery store</source>
            <extracomment>vision</extracomment>
            <translation>杂货店</translation>
        </message>
        <message>
            <source>guillotine</source>
            <extracomment>vision</extracomment>
            <translation>断头台</translation>
        </message>
        <message>
            <source>hair slide</source>
            <extracomment>vision</extracomment>
            <translation>发夹</translation>
        </message>
        <message>
            <source>hair spray</source>
            <extracomment>vision</extracomment>
            <translation>发胶</translation>
        </message>
        <message>
            <source>half track</source>
            <extracomment>vision</extracomment>
            <translation>半履带车</translation>
        </message>
        <message>
            <source>hammer</source>
            <extracomment>vision</extracomment>
            <translation>锤子</translation>
        </message>
        <message>
            <source>hamper</source>
            <extracomment>vision</extracomment>
            <translation>带盖篮子</translation>
        </message>
        <message>
            <source>hand blower</source>
            <extracomment>vision</extracomment>
            <translation>吹风机</translation>
        </message>
        <message>
            <source>hand-held computer</source>
            <extracomment>vision</extracomment>
            <translation>掌上电脑</translation>
        </message>
        <message>
            <source>handkerchief</source>
            <extracomment>vision</extracomment>
            <translation>手帕</translation>
        </message>
        <message>
            <source>hard disc</source>
            <extracomment>vision</extracomment>
            <translation>硬盘</translation>
        </message>
        <message>
            <source>harmonica</source>
            <extracomment>vision</extracomment>
            <translation>口琴</translation>
        </message>
        <message>
            <source>harp</source>
            <extracomment>vision, music</extracomment>
            <translation>竖琴</translation>
        </message>
        <message>
            <source>harvester</source>
            <extracomment>vision</extracomment>
            <translation>收割机</translation>
        </message>
        <message>
            <source>hatchet</source>
            <extracomment>vision</extracomment>
            <translation>短柄斧</translation>
        </message>
        <message>
            <source>holster</source>
            <extracomment>vision</extracomment>
            <translation>枪套</translation>
        </message>
        <message>
            <source>home theater</source>
            <extracomment>vision</extracomment>
            <translation>家庭影院</translation>
        </message>
        <message>
            <source>honeycomb</source>
            <extracomment>vision</extracomment>
            <translation>蜂巢</translation>
        </message>
        <message>
            <source>hook</source>
            <extracomment>vision</extracomment>
            <translation>钩子</translation>
        </message>
        <message>
            <source>hoopskirt</source>
            <extracomment>vision</extracomment>
            <translation>裙撑</translation>
        </message>
        <message>
            <source>horizontal bar</source>
            <extracomment>vision</extracomment>
            <translation>单杠</translation>
        </message>
        <message>
            <source>horse cart</source>
            <extracomment>vision</extracomment>
            <translation>马车</translation>
        </message>
        <message>
            <source>hourglass</source>
            <extracomment>vision</extracomment>
            <translation>沙漏</translation>
        </message>
        <message>
            <source>iPod</source>
            <extracomment>vision</extracomment>
            <translation>iPod</translation>
        </message>
        <message>
            <source>iron</source>
            <extracomment>vision</extracomment>
            <translation>熨斗</translation>
        </message>
        <message>
            <source>jack-o'-lantern</source>
            <extracomment>vision</extracomment>
            <translation>南瓜灯</translation>
        </message>
        <message>
            <source>jean</source>
            <extracomment>vision</extracomment>
            <translation>牛仔裤</translation>
        </message>
        <message>
            <source>jeep</source>
            <extracomment>vision</extracomment>
            <translation>吉普车</translation>
        </message>
        <message>
            <source>jersey</source>
            <extracomment>vision</extracomment>
            <translation>T 恤</translation>
        </message>
        <message>
            <source>jigsaw puzzle</source>
            <extracomment>vision</extracomment>
            <translation>拼图</translation>
        </message>
        <message>
            <source>jinrikisha</source>
            <extracomment>vision</extracomment>
            <translation>人力车</translation>
        </message>
        <message>
            <source>joystick</source>
            <extracomment>vision</extracomment>
            <translation>操纵杆</translation>
        </message>
        <message>
            <source>kimono</source>
            <extracomment>vision</extracomment>
            <translation>和服</translation>
        </message>
        <message>
            <source>knee pad</source>
            <extracomment>vision</extracomment>
            <translation>护膝</translation>
        </message>
        <message>
            <source>knot</source>
            <extracomment>vision</extracomment>
            <translation>绳结</translation>
        </message>
        <message>
            <source>lab coat</source>
            <extracomment>vision</extracomment>
            <translation>白大褂</translation>
        </message>
        <message>
            <source>ladle</source>
            <extracomment>vision</extracomment>
            <translation>长柄勺</translation>
        </message>
        <message>
            <source>lampshade</source>
            <extracomment>vision</extracomment>
            <translation>灯罩</translation>
        </message>
        <message>
            <source>laptop</source>
            <extracomment>vision</extracomment>
            <translation>笔记本电脑</translation>
        </message>
        <message>
            <source>lawn mower</source>
            <extracomment>vision</extracomment>
            <translation>割草机</translation>
        </message>
        <message>
            <source>lens cap</source>
            <extracomment>vision</extracomment>
            <translation>镜头盖</translation>
        </message>
        <message>
            <source>letter opener</source>
            <extracomment>vision</extracomment>
            <translation>拆信刀</translation>
        </message>
        <message>
            <source>library</source>
            <extracomment>vision</extracomment>
            <translation>图书馆</translation>
        </message>
        <message>
            <source>lifeboat</source>
            <extracomment>vision</extracomment>
            <translation>救生艇</translation>
        </message>
        <message>
            <source>lighter</source>
            <extracomment>vision</extracomment>
            <translation>打火机</translation>
        </message>
        <message>
            <source>limousine</source>
            <extracomment>vision</extracomment>
            <translation>豪华轿车</translation>
        </message>
        <message>
            <source>liner</source>
            <extracomment>vision</extracomment>
            <translation>远洋客轮</translation>
        </message>
        <message>
            <source>lipstick</source>
            <extracomment>vision</extracomment>
            <translation>口红</translation>
        </message>
        <message>
            <source>Loafer</source>
            <extracomment>vision</extracomment>
            <translation>乐福鞋</translation>
        </message>
        <message>
            <source>lotion</source>
            <extracomment>vision</extracomment>
            <translation>乳液</translation>
        </message>
        <message>
            <source>loudspeaker</source>
            <extracomment>vision</extracomment>
            <translation>扬声器</translation>
        </message>
        <message>
            <source>loupe</source>
            <extracomment>vision</extracomment>
            <translation>放大镜</translation>
        </message>
        <message>
            <source>lumbermill</source>
            <extracomment>vision</extracomment>
            <translation>锯木厂</translation>
        </message>
        <message>
            <source>magnetic compass</source>
            <extracomment>vision</extracomment>
            <translation>指南针</translation>
        </message>
        <message>
            <source>mailbag</source>
            <extracomment>vision</extracomment>
            <translation>邮袋</translation>
        </message>
        <message>
            <source>mailbox</source>
            <extracomment>vision</extracomment>
            <translation>信箱</translation>
        </message>
        <message>
            <source>maillot (dancewear)</source>
            <extracomment>vision</extracomment>
            <translation>紧身舞衣</translation>
        </message>
        <message>
            <source>tank suit</source>
            <extracomment>vision</extracomment>
            <translation>连体泳衣</translation>
        </message>
        <message>
            <source>manhole cover</source>
            <extracomment>vision</extracomment>
            <translation>井盖</translation>
        </message>
        <message>
            <source>maraca</source>
            <extracomment>vision</extracomment>
            <translation>沙锤</translation>
        </message>
        <message>
            <source>marimba</source>
            <extracomment>vision</extracomment>
            <translation>马林巴琴</translation>
        </message>
        <message>
            <source>mask</source>
            <extracomment>vision</extracomment>
            <translation>面具</translation>
        </message>
        <message>
            <source>matchstick</source>
            <extracomment>vision</extracomment>
            <translation>火柴</translation>
        </message>
        <message>
            <source>maypole</source>
            <extracomment>vision</extracomment>
            <translation>五月柱</translation>
        </message>
        <message>
            <source>maze</source>
            <extracomment>vision</extracomment>
            <translation>迷宫</translation>
        </message>
        <message>
            <source>measuring cup</source>
            <extracomment>vision</extracomment>
            <translation>量杯</translation>
        </message>
        <message>
            <source>medicine chest</source>
            <extracomment>vision</extracomment>
            <translation>药柜</translation>
        </message>
        <message>
            <source>megalith</source>
            <extracomment>vision</extracomment>
            <translation>巨石</translation>
        </message>
        <message>
            <source>microphone</source>
            <extracomment>vision</extracomment>
            <translation>麦克风</translation>
        </message>
        <message>
            <source>microwave</source>
            <extracomment>vision</extracomment>
            <translation>微波炉</translation>
        </message>
        <message>
            <source>military uniform</source>
            <extracomment>vision</extracomment>
            <translation>军装</translation>
        </message>
        <message>
            <source>milk can</source>
            <extracomment>vision</extracomment>
            <translation>牛奶罐</translation>
        </message>
        <message>
            <source>minibus</source>
            <extracomment>vision</extracomment>
            <translation>小巴</translation>
        </message>
        <message>
            <source>miniskirt</source>
            <extracomment>vision</extracomment>
            <translation>迷你裙</translation>
        </message>
        <message>
            <source>minivan</source>
            <extracomment>vision</extracomment>
            <translation>多用途车</translation>
        </message>
        <message>
            <source>missile</source>
            <extracomment>vision</extracomment>
            <translation>导弹</translation>
        </message>
        <message>
            <source>mitten</source>
            <extracomment>vision</extracomment>
            <translation>连指手套</translation>
        </message>
        <message>
            <source>mixing bowl</source>
            <extracomment>vision</extracomment>
            <translation>搅拌碗</translation>
        </message>
        <message>
            <source>mobile home</source>
            <extracomment>vision</extracomment>
            <translation>移动房屋</translation>
        </message>
        <message>
            <source>Model T</source>
            <extracomment>vision</extracomment>
            <translation>T 型车</translation>
        </message>
        <message>
            <source>modem</source>
            <extracomment>vision</extracomment>
            <translation>调制解调器</translation>
        </message>
        <message>
            <source>monastery</source>
            <extracomment>vision</extracomment>
            <translation>修道院</translation>
        </message>
        <message>
            <source>monitor</source>
            <extracomment>vision</extracomment>
            <translation>显示器</translation>
        </message>
        <message>
            <source>moped</source>
            <extracomment>vision</extracomment>
            <translation>轻便摩托车</translation>
        </message>
        <message>
            <source>mortar</source>
            <extracomment>vision</extracomment>
            <translation>研钵</translation>
        </message>
        <message>
            <source>mortarboard</source>
            <extracomment>vision</extracomment>
            <translation>学位帽</translation>
        </message>
        <message>
            <source>mosque</source>
            <extracomment>vision</extracomment>
            <translation>清真寺</translation>
        </message>
        <message>
            <source>mosquito net</source>
            <extracomment>vision</extracomment>
            <translation>蚊帐</translation>
        </message>
        <message>
            <source>motor scooter</source>
            <extracomment>vision</extracomment>
            <translation>踏板摩托车</translation>
        </message>
        <message>
            <source>mountain bike</source>
            <extracomment>vision</extracomment>
            <translation>山地自行车</translation>
        </message>
        <message>
            <source>mountain tent</source>
            <extracomment>vision</extracomment>
            <translation>登山帐篷</translation>
        </message>
        <message>
            <source>mouse</source>
            <extracomment>vision</extracomment>
            <translation>鼠标</translation>
        </message>
        <message>
            <source>mousetrap</source>
            <extracomment>vision</extracomment>
            <translation>捕鼠器</translation>
        </message>
        <message>
            <source>moving van</source>
            <extracomment>vision</extracomment>
            <translation>搬家货车</translation>
        </message>
        <message>
            <source>muzzle</source>
            <extracomment>vision</extracomment>
            <translation>口套</translation>
        </message>
        <message>
            <source>nail</source>
            <extracomment>vision</extracomment>
            <translation>钉子</translation>
        </message>
        <message>
            <source>neck brace</source>
            <extracomment>vision</extracomment>
            <translation>颈托</translation>
        </message>
        <message>
            <source>necklace</source>
            <extracomment>vision</extracomment>
            <translation>项链</translation>
        </message>
        <message>
            <source>nipple</source>
            <extracomment>vision</extracomment>
            <translation>奶嘴</translation>
        </message>
        <message>
            <source>notebook</source>
            <extracomment>vision</extracomment>
            <translation>笔记本</translation>
        </message>
        <message>
            <source>obelisk</source>
            <extracomment>vision</extracomment>
            <translation>方尖碑</translation>
        </message>
        <message>
            <source>oboe</source>
            <extracomment>vision</extracomment>
            <translation>双簧管</translation>
        </message>
        <message>
            <source>ocarina</source>
            <extracomment>vision</extracomment>
            <translation>陶笛</translation>
        </message>
        <message>
            <source>odometer</source>
            <extracomment>vision</extracomment>
            <translation>里程表</translation>
        </message>
        <message>
            <source>oil filter</source>
            <extracomment>vision</extracomment>
            <translation>机油滤清器</translation>
        </message>
        <message>
            <source>organ</source>
            <extracomment>vision</extracomment>
            <translation>管风琴</translation>
        </message>
        <message>
            <source>oscilloscope</source>
            <extracomment>vision</extracomment>
            <translation>示波器</translation>
        </message>
        <message>
            <source>overskirt</source>
            <extracomment>vision</extracomment>
            <translation>罩裙</translation>
        </message>
        <message>
            <source>oxcart</source>
            <extracomment>vision</extracomment>
            <translation>牛车</translation>
        </message>
        <message>
            <source>oxygen mask</source>
            <extracomment>vision</extracomment>
            <translation>氧气面罩</translation>
        </message>
        <message>
            <source>packet</source>
            <extracomment>vision</extracomment>
            <translation>小包装</translation>
        </message>
        <message>
            <source>paddle</source>
            <extracomment>vision</extracomment>
            <translation>船桨</translation>
        </message>
        <message>
            <source>paddlewheel</source>
            <extracomment>vision</extracomment>
            <translation>明轮</translation>
        </message>
        <message>
            <source>padlock</source>
            <extracomment>vision</extracomment>
            <translation>挂锁</translation>
        </message>
        <message>
            <source>paintbrush</source>
            <extracomment>vision</extracomment>
            <translation>画笔</translation>
        </message>
        <message>
            <source>pajama</source>
            <extracomment>vision</extracomment>
            <translation>睡衣</translation>
        </message>
        <message>
            <source>palace</source>
            <extracomment>vision</extracomment>
            <translation>宫殿</translation>
        </message>
        <message>
            <source>panpipe</source>
            <extracomment>vision</extracomment>
            <translation>排箫</translation>
        </message>
        <message>
            <source>paper towel</source>
            <extracomment>vision</extracomment>
            <translation>纸巾</translation>
        </message>
        <message>
            <source>parachute</source>
            <extracomment>vision</extracomment>
            <translation>降落伞</translation>
        </message>
        <message>
            <source>parallel bars</source>
            <extracomment>vision</extracomment>
            <translation>双杠</translation>
        </message>
        <message>
            <source>park bench</source>
            <extracomment>vision</extracomment>
            <translation>公园长椅</translation>
        </message>
        <message>
            <source>parking meter</source>
            <extracomment>vision</extracomment>
            <translation>停车计时器</translation>
        </message>
        <message>
            <source>passenger car</source>
            <extracomment>vision</extracomment>
            <translation>客车车厢</translation>
        </message>
        <message>
            <source>patio</source>
            <extracomment>vision</extracomment>
            <translation>露台</translation>
        </message>
        <message>
            <source>pay-phone</source>
            <extracomment>vision</extracomment>
            <translation>公用电话</translation>
        </message>
        <message>
            <source>pedestal</source>
            <extracomment>vision</extracomment>
            <translation>基座</translation>
        </message>
        <message>
            <source>pencil box</source>
            <extracomment>vision</extracomment>
            <translation>铅笔盒</translation>
        </message>
        <message>
            <source>pencil sharpener</source>
            <extracomment>vision</extracomment>
            <translation>卷笔刀</translation>
        </message>
        <message>
            <source>perfume</source>
            <extracomment>vision</extracomment>
            <translation>香水</translation>
        </message>
        <message>
            <source>Petri dish</source>
            <extracomment>vision</extracomment>
            <translation>培养皿</translation>
        </message>
        <message>
            <source>photocopier</source>
            <extracomment>vision</extracomment>
            <translation>复印机</translation>
        </message>
        <message>
            <source>pick</source>
            <extracomment>vision</extracomment>
            <translation>拨片</translation>
        </message>
        <message>
            <source>pickelhaube</source>
            <extracomment>vision</extracomment>
            <translation>尖顶头盔</translation>
        </message>
        <message>
            <source>picket fence</source>
            <extracomment>vision</extracomment>
            <translation>尖桩篱栅</translation>
        </message>
        <message>
            <source>pickup</source>
            <extracomment>vision</extracomment>
            <translation>皮卡</translation>
        </message>
        <message>
            <source>pier</source>
            <extracomment>vision</extracomment>
            <translation>栈桥</translation>
        </message>
        <message>
            <source>piggy bank</source>
            <extracomment>vision</extracomment>
            <translation>存钱罐</translation>
        </message>
        <message>
            <source>pill bottle</source>
            <extracomment>vision</extracomment>
            <translation>药瓶</translation>
        </message>
        <message>
            <source>pillow</source>
            <extracomment>vision</extracomment>
            <translation>枕头</translation>
        </message>
        <message>
            <source>ping-pong ball</source>
            <extracomment>vision</extracomment>
            <translation>乒乓球</translation>
        </message>
        <message>
            <source>pinwheel</source>
            <extracomment>vision</extracomment>
            <translation>风车玩具</translation>
        </message>
        <message>
            <source>pirate</source>
            <extracomment>vision</extracomment>
            <translation>海盗船</translation>
        </message>
        <message>
            <source>pitcher</source>
            <extracomment>vision</extracomment>
            <translation>水罐</translation>
        </message>
        <message>
            <source>plane</source>
            <extracomment>vision</extracomment>
            <translation>木工刨</translation>
        </message>
        <message>
            <source>planetarium</source>
            <extracomment>vision</extracomment>
            <translation>天文馆</translation>
        </message>
        <message>
            <source>plastic bag</source>
            <extracomment>vision</extracomment>
            <translation>塑料袋</translation>
        </message>
        <message>
            <source>plate rack</source>
            <extracomment>vision</extracomment>
            <translation>餐具架</translation>
        </message>
        <message>
            <source>plow</source>
            <extracomment>vision</extracomment>
            <translation>犁</translation>
        </message>
        <message>
            <source>plunger</source>
            <extracomment>vision</extracomment>
            <translation>马桶搋子</translation>
        </message>
        <message>
            <source>Polaroid camera</source>
            <extracomment>vision</extracomment>
            <translation>宝丽来相机</translation>
        </message>
        <message>
            <source>pole</source>
            <extracomment>vision</extracomment>
            <translation>杆子</translation>
        </message>
        <message>
            <source>police van</source>
            <extracomment>vision</extracomment>
            <translation>警车</translation>
        </message>
        <message>
            <source>poncho</source>
            <extracomment>vision</extracomment>
            <translation>斗篷雨衣</translation>
        </message>
        <message>
            <source>pool table</source>
            <extracomment>vision</extracomment>
            <translation>台球桌</translation>
        </message>
        <message>
            <source>pop bottle</source>
            <extracomment>vision</extracomment>
            <translation>汽水瓶</translation>
        </message>
        <message>
            <source>pot</source>
            <extracomment>vision</extracomment>
            <translation>花盆</translation>
        </message>
        <message>
            <source>potter's wheel</source>
            <extracomment>vision</extracomment>
            <translation>陶轮</translation>
        </message>
        <message>
            <source>power drill</source>
            <extracomment>vision</extracomment>
            <translation>电钻</translation>
        </message>
        <message>
            <source>prayer rug</source>
            <extracomment>vision</extracomment>
            <translation>礼拜毯</translation>
        </message>
        <message>
            <source>printer</source>
            <extracomment>vision</extracomment>
            <translation>打印机</translation>
        </message>
        <message>
            <source>prison</source>
            <extracomment>vision</extracomment>
            <translation>监狱</translation>
        </message>
        <message>
            <source>projectile</source>
            <extracomment>vision</extracomment>
            <translation>炮弹</translation>
        </message>
        <message>
            <source>projector</source>
            <extracomment>vision</extracomment>
            <translation>投影仪</translation>
        </message>
        <message>
            <source>puck</source>
            <extracomment>vision</extracomment>
            <translation>冰球</translation>
        </message>
        <message>
            <source>punching bag</source>
            <extracomment>vision</extracomment>
            <translation>沙袋</translation>
        </message>
        <message>
            <source>purse</source>
            <extracomment>vision</extracomment>
            <translation>钱包</translation>
        </message>
        <message>
            <source>quill</source>
            <extracomment>vision</extracomment>
            <translation>羽毛笔</translation>
        </message>
        <message>
            <source>quilt</source>
            <extracomment>vision</extracomment>
            <translation>被子</translation>
        </message>
        <message>
            <source>racer</source>
            <extracomment>vision</extracomment>
            <translation>赛车</translation>
        </message>
        <message>
            <source>racket</source>
            <extracomment>vision</extracomment>
            <translation>球拍</translation>
        </message>
        <message>
            <source>radiator</source>
            <extracomment>vision</extracomment>
            <translation>暖气片</translation>
        </message>
        <message>
            <source>radio</source>
            <extracomment>vision</extracomment>
            <translation>收音机</translation>
        </message>
        <message>
            <source>radio telescope</source>
            <extracomment>vision</extracomment>
            <translation>射电望远镜</translation>
        </message>
        <message>
            <source>rain barrel</source>
            <extracomment>vision</extracomment>
            <translation>雨水桶</translation>
        </message>
        <message>
            <source>recreational vehicle</source>
            <extracomment>vision</extracomment>
            <translation>房车</translation>
        </message>
        <message>
            <source>reel</source>
            <extracomment>vision</extracomment>
            <translation>卷盘</translation>
        </message>
        <message>
            <source>reflex camera</source>
            <extracomment>vision</extracomment>
            <translation>单反相机</translation>
        </message>
        <message>
            <source>refrigerator</source>
            <extracomment>vision</extracomment>
            <translation>冰箱</translation>
        </message>
        <message>
            <source>remote control</source>
            <extracomment>vision</extracomment>
            <translation>遥控器</translation>
        </message>
        <message>
            <source>restaurant</source>
            <extracomment>vision</extracomment>
            <translation>餐厅</translation>
        </message>
        <message>
            <source>revolver</source>
            <extracomment>vision</extracomment>
            <translation>左轮手枪</translation>
        </message>
        <message>
            <source>rifle</source>
            <extracomment>vision</extracomment>
            <translation>步枪</translation>
        </message>
        <message>
            <source>rocking chair</source>
            <extracomment>vision</extracomment>
            <translation>摇椅</translation>
        </message>
        <message>
            <source>rotisserie</source>
            <extracomment>vision</extracomment>
            <translation>烤肉架</translation>
        </message>
        <message>
            <source>rubber eraser</source>
            <extracomment>vision</extracomment>
            <translation>橡皮擦</translation>
        </message>
        <message>
            <source>rugby ball</source>
            <extracomment>vision</extracomment>
            <translation>橄榄球</translation>
        </message>
        <message>
            <source>rule</source>
            <extracomment>vision</extracomment>
            <translation>尺子</translation>
        </message>
        <message>
            <source>running shoe</source>
            <extracomment>vision</extracomment>
            <translation>跑鞋</translation>
        </message>
        <message>
            <source>safe</source>
            <extracomment>vision</extracomment>
            <translation>保险柜</translation>
        </message>
        <message>
            <source>safety pin</source>
            <extracomment>vision</extracomment>
            <translation>安全别针</translation>
        </message>
        <message>
            <source>saltshaker</source>
            <extracomment>vision</extracomment>
            <translation>盐瓶</translation>
        </message>
        <message>
            <source>sandal</source>
            <extracomment>vision</extracomment>
            <translation>凉鞋</translation>
        </message>
        <message>
            <source>sarong</source>
            <extracomment>vision</extracomment>
            <translation>纱笼</translation>
        </message>
        <message>
            <source>sax</source>
            <extracomment>vision</extracomment>
            <translation>萨克斯</translation>
        </message>
        <message>
            <source>scabbard</source>
            <extracomment>vision</extracomment>
            <translation>刀鞘</translation>
        </message>
        <message>
            <source>scale</source>
            <extracomment>vision</extracomment>
            <translation>秤</translation>
        </message>
        <message>
            <source>school bus</source>
            <extracomment>vision</extracomment>
            <translation>校车</translation>
        </message>
        <message>
            <source>schooner</source>
            <extracomment>vision</extracomment>
            <translation>纵帆船</translation>
        </message>
        <message>
            <source>scoreboard</source>
            <extracomment>vision</extracomment>
            <translation>记分牌</translation>
        </message>
        <message>
            <source>screen</source>
            <extracomment>vision</extracomment>
            <translation>屏幕</translation>
        </message>
        <message>
            <source>screw</source>
            <extracomment>vision</extracomment>
            <translation>螺丝</translation>
        </message>
        <message>
            <source>screwdriver</source>
            <extracomment>vision</extracomment>
            <translation>螺丝刀</translation>
        </message>
        <message>
            <source>seat belt</source>
            <extracomment>vision</extracomment>
            <translation>安全带</translation>
        </message>
        <message>
            <source>sewing machine</source>
            <extracomment>vision</extracomment>
            <translation>缝纫机</translation>
        </message>
        <message>
            <source>shield</source>
            <extracomment>vision</extracomment>
            <translation>盾牌</translation>
        </message>
        <message>
            <source>shoe shop</source>
            <extracomment>vision</extracomment>
            <translation>鞋店</translation>
        </message>
        <message>
            <source>shoji</source>
            <extracomment>vision</extracomment>
            <translation>障子</translation>
        </message>
        <message>
            <source>shopping basket</source>
            <extracomment>vision</extracomment>
            <translation>购物篮</translation>
        </message>
        <message>
            <source>shopping cart</source>
            <extracomment>vision</extracomment>
            <translation>购物车</translation>
        </message>
        <message>
            <source>shovel</source>
            <extracomment>vision</extracomment>
            <translation>铁锹</translation>
        </message>
        <message>
            <source>shower cap</source>
            <extracomment>vision</extracomment>
            <translation>浴帽</translation>
        </message>
        <message>
            <source>shower curtain</source>
            <extracomment>vision</extracomment>
            <translation>浴帘</translation>
        </message>
        <message>
            <source>ski</source>
            <extracomment>vision</extracomment>
            <translation>滑雪板</translation>
        </message>
        <message>
            <source>ski mask</source>
            <extracomment>vision</extracomment>
            <translation>滑雪面罩</translation>
        </message>
        <message>
            <source>sleeping bag</source>
            <extracomment>vision</extracomment>
            <translation>睡袋</translation>
        </message>
        <message>
            <source>slide rule</source>
            <extracomment>vision</extracomment>
            <translation>计算尺</translation>
        </message>
        <message>
            <source>sliding door</source>
            <extracomment>vision</extracomment>
            <translation>推拉门</translation>
        </message>
        <message>
            <source>slot</source>
            <extracomment>vision</extracomment>
            <translation>老虎机</translation>
        </message>
        <message>
            <source>snorkel</source>
            <extracomment>vision</extracomment>
            <translation>呼吸管</translation>
        </message>
        <message>
            <source>snowmobile</source>
            <extracomment>vision</extracomment>
            <translation>雪地摩托</translation>
        </message>
        <message>
            <source>snowplow</source>
            <extracomment>vision</extracomment>
            <translation>扫雪车</translation>
        </message>
        <message>
            <source>soap dispenser</source>
            <extracomment>vision</extracomment>
            <translation>皂液器</translation>
        </message>
        <message>
            <source>soccer ball</source>
            <extracomment>vision</extracomment>
            <translation>足球</translation>
        </message>
        <message>
            <source>sock</source>
            <extracomment>vision</extracomment>
            <translation>袜子</translation>
        </message>
        <message>
            <source>solar dish</source>
            <extracomment>vision</extracomment>
            <translation>太阳能集热器</translation>
        </message>
        <message>
            <source>sombrero</source>
            <extracomment>vision</extracomment>
            <translation>墨西哥宽边帽</translation>
        </message>
        <message>
            <source>soup bowl</source>
            <extracomment>vision</extracomment>
            <translation>汤碗</translation>
        </message>
        <message>
            <source>space bar</source>
            <extracomment>vision</extracomment>
            <translation>空格键</translation>
        </message>
        <message>
            <source>space heater</source>
            <extracomment>vision</extracomment>
            <translation>取暖器</translation>
        </message>
        <message>
            <source>space shuttle</source>
            <extracomment>vision</extracomment>
            <translation>航天飞机</translation>
        </message>
        <message>
            <source>spatula</source>
            <extracomment>vision</extracomment>
            <translation>锅铲</translation>
        </message>
        <message>
            <source>speedboat</source>
            <extracomment>vision</extracomment>
            <translation>快艇</translation>
        </message>
        <message>
            <source>spider web</source>
            <extracomment>vision</extracomment>
            <translation>蜘蛛网</translation>
        </message>
        <message>
            <source>spindle</source>
            <extracomment>vision</extracomment>
            <translation>纺锤</translation>
        </message>
        <message>
            <source>sports car</source>
            <extracomment>vision</extracomment>
            <translation>跑车</translation>
        </message>
        <message>
            <source>spotlight</source>
            <extracomment>vision</extracomment>
            <translation>聚光灯</translation>
        </message>
        <message>
            <source>stage</source>
            <extracomment>vision</extracomment>
            <translation>舞台</translation>
        </message>
        <message>
            <source>steam locomotive</source>
            <extracomment>vision</extracomment>
            <translation>蒸汽机车</translation>
        </message>
        <message>
            <source>steel arch bridge</source>
            <extracomment>vision</extracomment>
            <translation>钢拱桥</translation>
        </message>
        <message>
            <source>steel drum</source>
            <extracomment>vision</extracomment>
            <translation>钢鼓</translation>
        </message>
        <message>
            <source>stethoscope</source>
            <extracomment>vision</extracomment>
            <translation>听诊器</translation>
        </message>
        <message>
            <source>stole</source>
            <extracomment>vision</extracomment>
            <translation>披肩</translation>
        </message>
        <message>
            <source>stone wall</source>
            <extracomment>vision</extracomment>
            <translation>石墙</translation>
        </message>
        <message>
            <source>stopwatch</source>
            <extracomment>vision</extracomment>
            <translation>秒表</translation>
        </message>
        <message>
            <source>stove</source>
            <extracomment>vision</extracomment>
            <translation>炉子</translation>
        </message>
        <message>
            <source>strainer</source>
            <extracomment>vision</extracomment>
            <translation>滤网</translation>
        </message>
        <message>
            <source>streetcar</source>
            <extracomment>vision</extracomment>
            <translation>有轨电车</translation>
        </message>
        <message>
            <source>stretcher</source>
            <extracomment>vision</extracomment>
            <translation>担架</translation>
        </message>
        <message>
            <source>studio couch</source>
            <extracomment>vision</extracomment>
            <translation>沙发床</translation>
        </message>
        <message>
            <source>stupa</source>
            <extracomment>vision</extracomment>
            <translation>佛塔</translation>
        </message>
        <message>
            <source>submarine</source>
            <extracomment>vision</extracomment>
            <translation>潜水艇</translation>
        </message>
        <message>
            <source>suit</source>
            <extracomment>vision</extracomment>
            <translation>西装</translation>
        </message>
        <message>
            <source>sundial</source>
            <extracomment>vision</extracomment>
            <translation>日晷</translation>
        </message>
        <message>
            <source>sunglass</source>
            <extracomment>vision</extracomment>
            <translation>墨镜</translation>
        </message>
        <message>
            <source>sunglasses</source>
            <extracomment>vision</extracomment>
            <translation>太阳镜</translation>
        </message>
        <message>
            <source>sunscreen</source>
            <extracomment>vision</extracomment>
            <translation>防晒霜</translation>
        </message>
        <message>
            <source>suspension bridge</source>
            <extracomment>vision</extracomment>
            <translation>悬索桥</translation>
        </message>
        <message>
            <source>swab</source>
            <extracomment>vision</extracomment>
            <translation>拖把</translation>
        </message>
        <message>
            <source>sweatshirt</source>
            <extracomment>vision</extracomment>
            <translation>卫衣</translation>
        </message>
        <message>
            <source>swimming trunks</source>
            <extracomment>vision</extracomment>
            <translation>泳裤</translation>
        </message>
        <message>
            <source>swing</source>
            <extracomment>vision</extracomment>
            <translation>秋千</translation>
        </message>
        <message>
            <source>switch</source>
            <extracomment>vision</extracomment>
            <translation>开关</translation>
        </message>
        <message>
            <source>syringe</source>
            <extracomment>vision</extracomment>
            <translation>注射器</translation>
        </message>
        <message>
            <source>table lamp</source>
            <extracomment>vision</extracomment>
            <translation>台灯</translation>
        </message>
        <message>
            <source>tank</source>
            <extracomment>vision</extracomment>
            <translation>坦克</translation>
        </message>
        <message>
            <source>tape player</source>
            <extracomment>vision</extracomment>
            <translation>磁带机</translation>
        </message>
        <message>
            <source>teapot</source>
            <extracomment>vision</extracomment>
            <translation>茶壶</translation>
        </message>
        <message>
            <source>teddy</source>
            <extracomment>vision</extracomment>
            <translation>泰迪熊</translation>
        </message>
        <message>
            <source>television</source>
            <extracomment>vision</extracomment>
            <translation>电视</translation>
        </message>
        <message>
            <source>tennis ball</source>
            <extracomment>vision</extracomment>
            <translation>网球</translation>
        </message>
        <message>
            <source>thatch</source>
            <extracomment>vision</extracomment>
            <translation>茅草屋顶</translation>
        </message>
        <message>
            <source>theater curtain</source>
            <extracomment>vision</extracomment>
            <translation>剧场幕布</translation>
        </message>
        <message>
            <source>thimble</source>
            <extracomment>vision</extracomment>
            <translation>顶针</translation>
        </message>
        <message>
            <source>thresher</source>
            <extracomment>vision</extracomment>
            <translation>脱粒机</translation>
        </message>
        <message>
            <source>throne</source>
            <extracomment>vision</extracomment>
            <translation>王座</translation>
        </message>
        <message>
            <source>tile roof</source>
            <extracomment>vision</extracomment>
            <translation>瓦屋顶</translation>
        </message>
        <message>
            <source>toaster</source>
            <extracomment>vision</extracomment>
            <translation>烤面包机</translation>
        </message>
        <message>
            <source>tobacco shop</source>
            <extracomment>vision</extracomment>
            <translation>烟草店</translation>
        </message>
        <message>
            <source>toilet seat</source>
            <extracomment>vision</extracomment>
            <translation>马桶座圈</translation>
        </message>
        <message>
            <source>torch</source>
            <extracomment>vision</extracomment>
            <translation>火把</translation>
        </message>
        <message>
            <source>totem pole</source>
            <extracomment>vision</extracomment>
            <translation>图腾柱</translation>
        </message>
        <message>
            <source>tow truck</source>
            <extracomment>vision</extracomment>
            <translation>清障车</translation>
        </message>
        <message>
            <source>toyshop</source>
            <extracomment>vision</extracomment>
            <translation>玩具店</translation>
        </message>
        <message>
            <source>tractor</source>
            <extracomment>vision</extracomment>
            <translation>拖拉机</translation>
        </message>
        <message>
            <source>trailer truck</source>
            <extracomment>vision</extracomment>
            <translation>半挂卡车</translation>
        </message>
        <message>
            <source>tray</source>
            <extracomment>vision</extracomment>
            <translation>托盘</translation>
        </message>
        <message>
            <source>trench coat</source>
            <extracomment>vision</extracomment>
            <translation>风衣</translation>
        </message>
        <message>
            <source>tricycle</source>
            <extracomment>vision</extracomment>
            <translation>三轮车</translation>
        </message>
        <message>
            <source>trimaran</source>
            <extracomment>vision</extracomment>
            <translation>三体船</translation>
        </message>
        <message>
            <source>tripod</source>
            <extracomment>vision</extracomment>
            <translation>三脚架</translation>
        </message>
        <message>
            <source>triumphal arch</source>
            <extracomment>vision</extracomment>
            <translation>凯旋门</translation>
        </message>
        <message>
            <source>trolleybus</source>
            <extracomment>vision</extracomment>
            <translation>无轨电车</translation>
        </message>
        <message>
            <source>trombone</source>
            <extracomment>vision</extracomment>
            <translation>长号</translation>
        </message>
        <message>
            <source>tub</source>
            <extracomment>vision</extracomment>
            <translation>浴盆</translation>
        </message>
        <message>
            <source>turnstile</source>
            <extracomment>vision</extracomment>
            <translation>旋转闸门</translation>
        </message>
        <message>
            <source>typewriter keyboard</source>
            <extracomment>vision</extracomment>
            <translation>打字机键盘</translation>
        </message>
        <message>
            <source>umbrella</source>
            <extracomment>vision</extracomment>
            <translation>雨伞</translation>
        </message>
        <message>
            <source>unicycle</source>
            <extracomment>vision</extracomment>
            <translation>独轮车</translation>
        </message>
        <message>
            <source>upright</source>
            <extracomment>vision</extracomment>
            <translation>立式钢琴</translation>
        </message>
        <message>
            <source>vacuum</source>
            <extracomment>vision</extracomment>
            <translation>吸尘器</translation>
        </message>
        <message>
            <source>vase</source>
            <extracomment>vision</extracomment>
            <translation>花瓶</translation>
        </message>
        <message>
            <source>vault</source>
            <extracomment>vision</extracomment>
            <translation>拱顶</translation>
        </message>
        <message>
            <source>velvet</source>
            <extracomment>vision</extracomment>
            <translation>天鹅绒</translation>
        </message>
        <message>
            <source>vending machine</source>
            <extracomment>vision</extracomment>
            <translation>自动售货机</translation>
        </message>
        <message>
            <source>vestment</source>
            <extracomment>vision</extracomment>
            <translation>法衣</translation>
        </message>
        <message>
            <source>viaduct</source>
            <extracomment>vision</extracomment>
            <translation>高架桥</translation>
        </message>
        <message>
            <source>violin</source>
            <extracomment>vision, music</extracomment>
            <translation>小提琴</translation>
        </message>
        <message>
            <source>volleyball</source>
            <extracomment>vision</extracomment>
            <translation>排球</translation>
        </message>
        <message>
            <source>waffle iron</source>
            <extracomment>vision</extracomment>
            <translation>华夫饼机</translation>
        </message>
        <message>
            <source>wall clock</source>
            <extracomment>vision</extracomment>
            <translation>挂钟</translation>
        </message>
        <message>
            <source>wallet</source>
            <extracomment>vision</extracomment>
            <translation>钱夹</translation>
        </message>
        <message>
            <source>wardrobe</source>
            <extracomment>vision</extracomment>
            <translation>衣柜</translation>
        </message>
        <message>
            <source>warplane</source>
            <extracomment>vision</extracomment>
            <translation>战斗机</translation>
        </message>
        <message>
            <source>washbasin</source>
            <extracomment>vision</extracomment>
            <translation>洗手盆</translation>
        </message>
        <message>
            <source>washer</source>
            <extracomment>vision</extracomment>
            <translation>洗衣机</translation>
        </message>
        <message>
            <source>water bottle</source>
            <extracomment>vision</extracomment>
            <translation>水瓶</translation>
        </message>
        <message>
            <source>water jug</source>
            <extracomment>vision</extracomment>
            <translation>水壶</translation>
        </message>
        <message>
            <source>water tower</source>
            <extracomment>vision</extracomment>
            <translation>水塔</translation>
        </message>
        <message>
            <source>whiskey jug</source>
            <extracomment>vision</extracomment>
            <translation>威士忌酒壶</translation>
        </message>
        <message>
            <source>whistle</source>
            <extracomment>vision</extracomment>
            <translation>哨子</translation>
        </message>
        <message>
            <source>wig</source>
            <extracomment>vision</extracomment>
            <translation>假发</translation>
        </message>
        <message>
            <source>window screen</source>
            <extracomment>vision</extracomment>
            <translation>纱窗</translation>
        </message>
        <message>
            <source>window shade</source>
            <extracomment>vision</extracomment>
            <translation>窗帘</translation>
        </message>
        <message>
            <source>Windsor tie</source>
            <extracomment>vision</extracomment>
            <translation>温莎领带</translation>
        </message>
        <message>
            <source>wine bottle</source>
            <extracomment>vision</extracomment>
            <translation>葡萄酒瓶</translation>
        </message>
        <message>
            <source>wing</source>
            <extracomment>vision</extracomment>
            <translation>机翼</translation>
        </message>
        <message>
            <source>wok</source>
            <extracomment>vision</extracomment>
            <translation>炒锅</translation>
        </message>
        <message>
            <source>wooden spoon</source>
            <extracomment>vision</extracomment>
            <translation>木勺</translation>
        </message>
        <message>
            <source>wool</source>
            <extracomment>vision</extracomment>
            <translation>羊毛</translation>
        </message>
        <message>
            <source>worm fence</source>
            <extracomment>vision</extracomment>
            <translation>蛇形栅栏</translation>
        </message>
        <message>
            <source>wreck</source>
            <extracomment>vision</extracomment>
            <translation>残骸</translation>
        </message>
        <message>
            <source>yawl</source>
            <extracomment>vision</extracomment>
            <translation>小帆船</translation>
        </message>
        <message>
            <source>yurt</source>
            <extracomment>vision</extracomment>
            <translation>蒙古包</translation>
        </message>
        <message>
            <source>web site</source>
            <extracomment>vision</extracomment>
            <translation>网站</translation>
        </message>
        <message>
            <source>comic book</source>
            <extracomment>vision</extracomment>
            <translation>漫画书</translation>
        </message>
        <message>
            <source>crossword puzzle</source>
            <extracomment>vision</extracomment>
            <translation>填字游戏</translation>
        </message>
        <message>
            <source>street sign</source>
            <extracomment>vision</extracomment>
            <translation>路牌</translation>
        </message>
        <message>
            <source>traffic light</source>
            <extracomment>vision</extracomment>
            <translation>红绿灯</translation>
        </message>
        <message>
            <source>book jacket</source>
            <extracomment>vision</extracomment>
            <translation>书皮</translation>
        </message>
        <message>
            <source>menu</source>
            <extracomment>vision</extracomment>
            <translation>菜单</translation>
        </message>
        <message>
            <source>plate</source>
            <extracomment>vision</extracomment>
            <translation>盘子</translation>
        </message>
        <message>
            <source>guacamole</source>
            <extracomment>vision</extracomment>
            <translation>牛油果酱</translation>
        </message>
        <message>
            <source>consomme</source>
            <extracomment>vision</extracomment>
            <translation>清汤</translation>
        </message>
        <message>
            <source>hot pot</source>
            <extracomment>vision</extracomment>
            <translation>火锅</translation>
        </message>
        <message>
            <source>trifle</source>
            <extracomment>vision</extracomment>
            <translation>乳脂松糕</translation>
        </message>
        <message>
            <source>ice cream</source>
            <extracomment>vision</extracomment>
            <translation>冰淇淋</translation>
        </message>
        <message>
            <source>ice lolly</source>
            <extracomment>vision</extracomment>
            <translation>冰棍</translation>
        </message>
        <message>
            <source>French loaf</source>
            <extracomment>vision</extracomment>
            <translation>法棍</translation>
        </message>
        <message>
            <source>bagel</source>
            <extracomment>vision</extracomment>
            <translation>贝果</translation>
        </message>
        <message>
            <source>pretzel</source>
            <extracomment>vision</extracomment>
            <translation>椒盐卷饼</translation>
        </message>
        <message>
            <source>cheeseburger</source>
            <extracomment>vision</extracomment>
            <translation>芝士汉堡</translation>
        </message>
        <message>
            <source>hotdog</source>
            <extracomment>vision</extracomment>
            <translation>热狗</translation>
        </message>
        <message>
            <source>mashed potato</source>
            <extracomment>vision</extracomment>
            <translation>土豆泥</translation>
        </message>
        <message>
            <source>head cabbage</source>
            <extracomment>vision</extracomment>
            <translation>卷心菜</translation>
        </message>
        <message>
            <source>broccoli</source>
            <extracomment>vision</extracomment>
            <translation>西兰花</translation>
        </message>
        <message>
            <source>cauliflower</source>
            <extracomment>vision</extracomment>
            <translation>花椰菜</translation>
        </message>
        <message>
            <source>zucchini</source>
            <extracomment>vision</extracomment>
            <translation>西葫芦</translation>
        </message>
        <message>
            <source>spaghetti squash</source>
            <extracomment>vision</extracomment>
            <translation>金丝瓜</translation>
        </message>
        <message>
            <source>acorn squash</source>
            <extracomment>vision</extracomment>
            <translation>橡果南瓜</translation>
        </message>
        <message>
            <source>butternut squash</source>
            <extracomment>vision</extracomment>
            <translation>胡桃南瓜</translation>
        </message>
        <message>
            <source>cucumber</source>
            <extracomment>vision</extracomment>
            <translation>黄瓜</translation>
        </message>
        <message>
            <source>artichoke</source>
            <extracomment>vision</extracomment>
            <translation>洋蓟</translation>
        </message>
        <message>
            <source>bell pepper</source>
            <extracomment>vision</extracomment>
            <translation>甜椒</translation>
        </message>
        <message>
            <source>cardoon</source>
            <extracomment>vision</extracomment>
            <translation>刺菜蓟</translation>
        </message>
        <message>
            <source>mushroom</source>
            <extracomment>vision</extracomment>
            <translation>蘑菇</translation>
        </message>
        <message>
            <source>Granny Smith</source>
            <extracomment>vision</extracomment>
            <translation>青苹果</translation>
        </message>
        <message>
            <source>strawberry</source>
            <extracomment>vision</extracomment>
            <translation>草莓</translation>
        </message>
        <message>
            <source>orange</source>
            <extracomment>vision</extracomment>
            <translation>橙子</translation>
        </message>
        <message>
            <source>lemon</source>
            <extracomment>vision</extracomment>
            <translation>柠檬</translation>
        </message>
        <message>
            <source>fig</source>
            <extracomment>vision</extracomment>
            <translation>无花果</translation>
        </message>
        <message>
            <source>pineapple</source>
            <extracomment>vision</extracomment>
            <translation>菠萝</translation>
        </message>
        <message>
            <source>banana</source>
            <extracomment>vision</extracomment>
            <translation>香蕉</translation>
        </message>
        <message>
            <source>jackfruit</source>
            <extracomment>vision</extracomment>
            <translation>菠萝蜜</translation>
        </message>
        <message>
            <source>custard apple</source>
            <extracomment>vision</extracomment>
            <translation>番荔枝</translation>
        </message>
        <message>
            <source>pomegranate</source>
            <extracomment>vision</extracomment>
            <translation>石榴</translation>
        </message>
        <message>
            <source>hay</source>
            <extracomment>vision</extracomment>
            <translation>干草</translation>
        </message>
        <message>
            <source>carbonara</source>
            <extracomment>vision</extracomment>
            <translation>培根蛋酱意面</translation>
        </message>
        <message>
            <source>chocolate sauce</source>
            <extracomment>vision</extracomment>
            <translation>巧克力酱</translation>
        </message>
        <message>
            <source>dough</source>
            <extracomment>vision</extracomment>
            <translation>面团</translation>
        </message>
        <message>
            <source>meat loaf</source>
            <extracomment>vision</extracomment>
            <translation>烘肉卷</translation>
        </message>
        <message>
            <source>pizza</source>
            <extracomment>vision</extracomment>
            <translation>披萨</translation>
        </message>
        <message>
            <source>potpie</source>
            <extracomment>vision</extracomment>
            <translation>肉馅派</translation>
        </message>
        <message>
            <source>burrito</source>
            <extracomment>vision</extracomment>
            <translation>墨西哥卷饼</translation>
        </message>
        <message>
            <source>red wine</source>
            <extracomment>vision</extracomment>
            <translation>红酒</translation>
        </message>
        <message>
            <source>espresso</source>
            <extracomment>vision</extracomment>
            <translation>意式浓缩咖啡</translation>
        </message>
        <message>
            <source>cup</source>
            <extracomment>vision</extracomment>
            <translation>杯子</translation>
        </message>
        <message>
            <source>eggnog</source>
            <extracomment>vision</extracomment>
            <translation>蛋奶酒</translation>
        </message>
        <message>
            <source>alp</source>
            <extracomment>vision</extracomment>
            <translation>高山</translation>
        </message>
        <message>
            <source>bubble</source>
            <extracomment>vision</extracomment>
            <translation>气泡</translation>
        </message>
        <message>
            <source>cliff</source>
            <extracomment>vision</extracomment>
            <translation>悬崖</translation>
        </message>
        <message>
            <source>coral reef</source>
            <extracomment>vision</extracomment>
            <translation>珊瑚礁</translation>
        </message>
        <message>
            <source>geyser</source>
            <extracomment>vision</extracomment>
            <translation>间歇泉</translation>
        </message>
        <message>
            <source>lakeside</source>
            <extracomment>vision</extracomment>
            <translation>湖边</translation>
        </message>
        <message>
            <source>promontory</source>
            <extracomment>vision</extracomment>
            <translation>海角</translation>
        </message>
        <message>
            <source>sandbar</source>
            <extracomment>vision</extracomment>
            <translation>沙洲</translation>
        </message>
        <message>
            <source>seashore</source>
            <extracomment>vision</extracomment>
            <translation>海滨</translation>
        </message>
        <message>
            <source>valley</source>
            <extracomment>vision</extracomment>
            <translation>山谷</translation>
        </message>
        <message>
            <source>volcano</source>
            <extracomment>vision</extracomment>
            <translation>火山</translation>
        </message>
        <message>
            <source>ballplayer</source>
            <extracomment>vision</extracomment>
            <translation>棒球运动员</translation>
        </message>
        <message>
            <source>groom</source>
            <extracomment>vision</extracomment>
            <translation>新郎</translation>
        </message>
        <message>
            <source>scuba diver</source>
            <extracomment>vision</extracomment>
            <translation>潜水员</translation>
        </message>
        <message>
            <source>rapeseed</source>
            <extracomment>vision</extracomment>
            <translation>油菜花</translation>
        </message>
        <message>
            <source>daisy</source>
            <extracomment>vision</extracomment>
            <translation>雏菊</translation>
        </message>
        <message>
            <source>yellow lady's slipper</source>
            <extracomment>vision</extracomment>
            <translation>黄杓兰</translation>
        </message>
        <message>
            <source>corn</source>
            <extracomment>vision</extracomment>
            <translation>玉米</translation>
        </message>
        <message>
            <source>acorn</source>
            <extracomment>vision</extracomment>
            <translation>橡子</translation>
        </message>
        <message>
            <source>hip</source>
            <extracomment>vision</extracomment>
            <translation>玫瑰果</translation>
        </message>
        <message>
            <source>buckeye</source>
            <extracomment>vision</extracomment>
            <translation>七叶树果</translation>
        </message>
        <message>
            <source>coral fungus</source>
            <extracomment>vision</extracomment>
            <translation>珊瑚菌</translation>
        </message>
        <message>
            <source>agaric</source>
            <extracomment>vision</extracomment>
            <translation>伞菌</translation>
        </message>
        <message>
            <source>gyromitra</source>
            <extracomment>vision</extracomment>
            <translation>鹿花菌</translation>
        </message>
        <message>
            <source>stinkhorn</source>
            <extracomment>vision</extracomment>
            <translation>鬼笔菌</translation>
        </message>
        <message>
            <source>earthstar</source>
            <extracomment>vision</extracomment>
            <translation>地星</translation>
        </message>
        <message>
            <source>hen-of-the-woods</source>
            <extracomment>vision</extracomment>
            <translation>灰树花</translation>
        </message>
        <message>
            <source>bolete</source>
            <extracomment>vision</extracomment>
            <translation>牛肝菌</translation>
        </message>
        <message>
            <source>ear</source>
            <extracomment>vision</extracomment>
            <translation>玉米穗</translation>
        </message>
        <message>
            <source>toilet tissue</source>
            <extracomment>vision</extracomment>
            <translation>卫生纸</translation>
        </message>
        <message>
            <source>face</source>
            <extracomment>people</extracomment>
            <translation>人脸</translation>
        </message>
        <message>
            <source>close-up face</source>
            <extracomment>people</extracomment>
            <translation>面部特写</translation>
        </message>
        <message>
            <source>talking head</source>
            <extracomment>people</extracomment>
            <translation>对镜头说话的人</translation>
        </message>
        <message>
            <source>person</source>
            <extracomment>people</extracomment>
            <translation>人物</translation>
        </message>
        <message>
            <source>people</source>
            <extracomment>people</extracomment>
            <translation>多人</translation>
        </message>
        <message>
            <source>group of people</source>
            <extracomment>people</extracomment>
            <translation>一群人</translation>
        </message>
        <message>
            <source>crowd</source>
            <extracomment>people</extracomment>
            <translation>人群</translation>
        </message>
        <message>
            <source>people walking</source>
            <extracomment>people</extracomment>
            <translation>行走的人</translation>
        </message>
        <message>
            <source>Speech</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Child speech, kid speaking</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Conversation</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Narration, monologue</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Babbling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speech synthesizer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shout</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bellow</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whoop</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Children shouting</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Screaming</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whispering</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Laughter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Baby laughter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Giggle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snicker</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Belly laugh</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chuckle, chortle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crying, sobbing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Baby cry, infant cry</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whimper</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wail, moan</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sigh</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Singing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choir</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yodeling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chant</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mantra</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Child singing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Synthetic singing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rapping</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Humming</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Groan</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grunt</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whistling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breathing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wheeze</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snoring</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gasp</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pant</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snort</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cough</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Throat clearing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sneeze</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sniff</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shuffle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Walk, footsteps</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chewing, mastication</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Biting</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gargling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stomach rumble</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Burping, eructation</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hiccup</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fart</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hands</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finger snapping</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clapping</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heart sounds, heartbeat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heart murmur</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cheering</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applause</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chatter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crowd</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hubbub, speech noise, speech babble</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Children playing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Animal</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Domestic animals, pets</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dog</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bark</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yip</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Howl</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bow-wow</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Growling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whimper (dog)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Purr</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Meow</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hiss</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Caterwaul</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Livestock, farm animals, working animals</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Horse</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clip-clop</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Neigh, whinny</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cattle, bovinae</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moo</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cowbell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pig</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Oink</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bleat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sheep</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fowl</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chicken, rooster</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cluck</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crowing, cock-a-doodle-doo</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Turkey</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gobble</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duck</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quack</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Goose</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Honk</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wild animals</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roaring cats (lions, tigers)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bird</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bird vocalization, bird call, bird song</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chirp, tweet</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Squawk</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pigeon, dove</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coo</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crow</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Caw</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owl</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hoot</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bird flight, flapping wings</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Canidae, dogs, wolves</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rodents, rats, mice</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mouse</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insect</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cricket</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mosquito</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fly, housefly</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buzz</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bee, wasp, etc.</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frog</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Croak</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snake</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rattle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whale vocalization</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Musical instrument</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plucked string instrument</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Guitar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electric guitar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bass guitar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Acoustic guitar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Steel guitar, slide guitar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tapping (guitar technique)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Strum</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Banjo</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sitar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mandolin</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zither</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ukulele</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard (musical)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Piano</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electric piano</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Organ</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electronic organ</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hammond organ</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Synthesizer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sampler</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Harpsichord</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Percussion</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drum kit</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drum machine</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drum</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Snare drum</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rimshot</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drum roll</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bass drum</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Timpani</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tabla</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cymbal</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hi-hat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wood block</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tambourine</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rattle (instrument)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Maraca</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gong</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tubular bells</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mallet percussion</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Marimba, xylophone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Glockenspiel</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vibraphone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Steelpan</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Orchestra</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Brass instrument</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trumpet</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trombone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bowed string instrument</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>String section</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Violin, fiddle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pizzicato</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cello</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double bass</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wind instrument, woodwind instrument</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flute</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saxophone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clarinet</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Harp</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Church bell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jingle bell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bicycle bell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tuning fork</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chime</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wind chime</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change ringing (campanology)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Harmonica</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accordion</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bagpipes</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Didgeridoo</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shofar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theremin</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Singing bowl</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scratching (performance technique)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pop music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hip hop music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Beatboxing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rock music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heavy metal</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Punk rock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Grunge</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Progressive rock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rock and roll</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Psychedelic rock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rhythm and blues</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soul music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reggae</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Swing music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bluegrass</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Funk</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folk music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Middle Eastern music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jazz</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Disco</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Classical music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opera</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electronic music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>House music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Techno</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dubstep</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drum and bass</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electronica</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electronic dance music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ambient music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trance music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Music of Latin America</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salsa music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flamenco</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blues</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Music for children</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New-age music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vocal music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A capella</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Music of Africa</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Afrobeat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Christian music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gospel music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Music of Asia</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Carnatic music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Music of Bollywood</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ska</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traditional music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Independent music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Song</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Background music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jingle (music)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Soundtrack music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lullaby</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Video game music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Christmas music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dance music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wedding music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Happy music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sad music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tender music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exciting music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Angry music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scary music</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wind</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rustling leaves</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wind noise (microphone)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thunderstorm</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thunder</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Water</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rain</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Raindrop</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rain on surface</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stream</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waterfall</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ocean</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waves, surf</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Steam</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gurgling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fire</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crackle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vehicle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boat, Water vehicle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sailboat, sailing ship</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rowboat, canoe, kayak</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Motorboat, speedboat</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ship</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Motor vehicle (road)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Car</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vehicle horn, car horn, honking</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Toot</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Car alarm</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Power windows, electric windows</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skidding</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tire squeal</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Car passing by</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Race car, auto racing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Truck</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Air brake</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Air horn, truck horn</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reversing beeps</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ice cream truck, ice cream van</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bus</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Emergency vehicle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Police car (siren)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ambulance (siren)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fire engine, fire truck (siren)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Motorcycle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Traffic noise, roadway noise</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rail transport</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Train</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Train whistle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Train horn</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Railroad car, train wagon</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Train wheels squealing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subway, metro, underground</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Aircraft</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Aircraft engine</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jet engine</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Propeller, airscrew</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Helicopter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fixed-wing aircraft, airplane</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bicycle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Skateboard</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Engine</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light engine (high frequency)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dental drill, dentist's drill</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lawn mower</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chainsaw</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Medium engine (mid frequency)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Heavy engine (low frequency)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Engine knocking</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Engine starting</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Idling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accelerating, revving, vroom</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Door</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Doorbell</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ding-dong</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sliding door</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slam</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Knock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tap</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Squeak</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cupboard open or close</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drawer open or close</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dishes, pots, and pans</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cutlery, silverware</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chopping (food)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Frying (food)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Microwave oven</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blender</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Water tap, faucet</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sink (filling or washing)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bathtub (filling or washing)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hair dryer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Toilet flush</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Toothbrush</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electric toothbrush</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vacuum cleaner</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zipper (clothing)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys jangling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coin (dropping)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scissors</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electric shaver, electric razor</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shuffling cards</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Typing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Typewriter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Computer keyboard</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alarm</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Telephone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Telephone bell ringing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ringtone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Telephone dialing, DTMF</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial tone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Busy signal</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Alarm clock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Siren</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Civil defense siren</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Buzzer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Smoke detector, smoke alarm</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fire alarm</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Foghorn</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whistle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Steam whistle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mechanisms</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ratchet, pawl</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tick-tock</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gears</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pulleys</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sewing machine</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mechanical fan</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Air conditioning</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cash register</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Camera</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Single-lens reflex camera</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tools</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hammer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jackhammer</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sawing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filing (rasp)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sanding</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Power tool</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drill</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Explosion</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gunshot, gunfire</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Machine gun</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fusillade</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Artillery fire</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cap gun</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fireworks</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Firecracker</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Burst, pop</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Eruption</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boom</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wood</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chop</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Splinter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crack</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Glass</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chink, clink</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shatter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Liquid</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Splash, splatter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slosh</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Squish</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drip</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pour</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Trickle, dribble</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gush</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill (with liquid)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spray</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pump (liquid)</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stir</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boiling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sonar</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrow</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whoosh, swoosh, swish</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thump, thud</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Thunk</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Electronic tuner</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Effects unit</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chorus effect</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Basketball bounce</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bang</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slap, smack</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whack, thwack</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Smash, crash</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Breaking</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bouncing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whip</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flap</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scratch</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scrape</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rub</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Roll</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crushing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crumpling, crinkling</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tearing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Beep, bleep</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ping</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ding</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clang</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Squeal</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Creak</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rustle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Whir</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clatter</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sizzle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clicking</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clickety-clack</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rumble</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plop</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Jingle, tinkle</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hum</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Boing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Crunch</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Silence</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sine wave</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Harmonic</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Chirp tone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sound effect</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pulse</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inside, small room</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inside, large room or hall</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inside, public space</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outside, urban or manmade</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outside, rural or natural</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reverberation</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Echo</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Noise</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Environmental noise</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Static</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mains hum</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Distortion</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sidetone</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cacophony</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>White noise</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pink noise</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Throbbing</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Vibration</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Television</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Radio</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field recording</source>
            <extracomment>sounds</extracomment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>guitar</source>
            <extracomment>music</extracomment>
            <translation>吉他</translation>
        </message>
        <message>
            <source>classical</source>
            <extracomment>music</extracomment>
            <translation>古典</translation>
        </message>
        <message>
            <source>slow</source>
            <extracomment>music</extracomment>
            <translation>慢节奏</translation>
        </message>
        <message>
            <source>techno</source>
            <extracomment>music</extracomment>
            <translation>科技舞曲</translation>
        </message>
        <message>
            <source>strings</source>
            <extracomment>music</extracomment>
            <translation>弦乐</translation>
        </message>
        <message>
            <source>drums</source>
            <extracomment>music</extracomment>
            <translation>鼓声</translation>
        </message>
        <message>
            <source>electronic</source>
            <extracomment>music</extracomment>
            <translation>电子音乐</translation>
        </message>
        <message>
            <source>rock</source>
            <extracomment>music</extracomment>
            <translation>摇滚</translation>
        </message>
        <message>
            <source>fast</source>
            <extracomment>music</extracomment>
            <translation>快节奏</translation>
        </message>
        <message>
            <source>piano</source>
            <extracomment>music</extracomment>
            <translation>钢琴</translation>
        </message>
        <message>
            <source>ambient</source>
            <extracomment>music</extracomment>
            <translation>氛围音乐</translation>
        </message>
        <message>
            <source>beat</source>
            <extracomment>music</extracomment>
            <translation>节拍</translation>
        </message>
        <message>
            <source>vocals</source>
            <extracomment>music</extracomment>
            <translation>人声</translation>
        </message>
        <message>
            <source>synth</source>
            <extracomment>music</extracomment>
            <translation>合成器</translation>
        </message>
        <message>
            <source>female</source>
            <extracomment>music</extracomment>
            <translation>女性</translation>
        </message>
        <message>
            <source>indian</source>
            <extracomment>music</extracomment>
            <translation>印度风格</translation>
        </message>
        <message>
            <source>opera</source>
            <extracomment>music</extracomment>
            <translation>歌剧</translation>
        </message>
        <message>
            <source>male</source>
            <extracomment>music</extracomment>
            <translation>男性</translation>
        </message>
        <message>
            <source>singing</source>
            <extracomment>music</extracomment>
            <translation>演唱</translation>
        </message>
        <message>
            <source>no vocals</source>
            <extracomment>music</extracomment>
            <translation>无人声</translation>
        </message>
        <message>
            <source>harpsichord</source>
            <extracomment>music</extracomment>
            <translation>羽管键琴</translation>
        </message>
        <message>
            <source>loud</source>
            <extracomment>music</extracomment>
            <translation>响亮</translation>
        </message>
        <message>
            <source>quiet</source>
            <extracomment>music</extracomment>
            <translation>安静</translation>
        </message>
        <message>
            <source>woman</source>
            <extracomment>music</extracomment>
            <translation>女子</translation>
        </message>
        <message>
            <source>male vocals</source>
            <extracomment>music</extracomment>
            <translation>男声</translation>
        </message>
        <message>
            <source>pop</source>
            <extracomment>music</extracomment>
            <translation>流行</translation>
        </message>
        <message>
            <source>soft</source>
            <extracomment>music</extracomment>
            <translation>轻柔</translation>
        </message>
        <message>
            <source>sitar</source>
            <extracomment>music</extracomment>
            <translation>西塔琴</translation>
        </message>
        <message>
            <source>solo</source>
            <extracomment>music</extracomment>
            <translation>独奏</translation>
        </message>
        <message>
            <source>man</source>
            <extracomment>music</extracomment>
            <translation>男子</translation>
        </message>
        <message>
            <source>choir</source>
            <extracomment>music</extracomment>
            <translation>合唱</translation>
        </message>
        <message>
            <source>voice</source>
            <extracomment>music</extracomment>
            <translation>嗓音</translation>
        </message>
        <message>
            <source>new age</source>
            <extracomment>music</extracomment>
            <translation>新世纪音乐</translation>
        </message>
        <message>
            <source>dance</source>
            <extracomment>music</extracomment>
            <translation>舞曲</translation>
        </message>
        <message>
            <source>female vocals</source>
            <extracomment>music</extracomment>
            <translation>女声</translation>
        </message>
        <message>
            <source>weird</source>
            <extracomment>music</extracomment>
            <translation>古怪</translation>
        </message>
        <message>
            <source>country</source>
            <extracomment>music</extracomment>
            <translation>乡村</translation>
        </message>
        <message>
            <source>metal</source>
            <extracomment>music</extracomment>
            <translation>金属</translation>
        </message>
        <message>
            <source>alternative</source>
            <extracomment>music</extracomment>
            <translation>另类</translation>
        </message>
        <message>
            <source>indie</source>
            <extracomment>music</extracomment>
            <translation>独立</translation>
        </message>
        <message>
            <source>2000s</source>
            <extracomment>music</extracomment>
            <translation>2000 年代</translation>
        </message>
        <message>
            <source>alternative rock</source>
            <extracomment>music</extracomment>
            <translation>另类摇滚</translation>
        </message>
        <message>
            <source>jazz</source>
            <extracomment>music</extracomment>
            <translation>爵士</translation>
        </message>
        <message>
            <source>beautiful</source>
            <extracomment>music</extracomment>
            <translation>优美</translation>
        </message>
        <message>
            <source>chillout</source>
            <extracomment>music</extracomment>
            <translation>驰放音乐</translation>
        </message>
        <message>
            <source>classic rock</source>
            <extracomment>music</extracomment>
            <translation>经典摇滚</translation>
        </message>
        <message>
            <source>soul</source>
            <extracomment>music</extracomment>
            <translation>灵魂乐</translation>
        </message>
        <message>
            <source>indie rock</source>
            <extracomment>music</extracomment>
            <translation>独立摇滚</translation>
        </message>
        <message>
            <source>mellow</source>
            <extracomment>music</extracomment>
            <translation>柔和</translation>
        </message>
        <message>
            <source>electronica</source>
            <extracomment>music</extracomment>
            <translation>电子乐</translation>
        </message>
        <message>
            <source>80s</source>
            <extracomment>music</extracomment>
            <translation>80 年代</translation>
        </message>
        <message>
            <source>folk</source>
            <extracomment>music</extracomment>
            <translation>民谣</translation>
        </message>
        <message>
            <source>90s</source>
            <extracomment>music</extracomment>
            <translation>90 年代</translation>
        </message>
        <message>
            <source>chill</source>
            <extracomment>music</extracomment>
            <translation>轻松</translation>
        </message>
        <message>
            <source>instrumental</source>
            <extracomment>music</extracomment>
            <translation>器乐</translation>
        </message>
        <message>
            <source>punk</source>
            <extracomment>music</extracomment>
            <translation>朋克</translation>
        </message>
        <message>
            <source>oldies</source>
            <extracomment>music</extracomment>
            <translation>老歌</translation>
        </message>
        <message>
            <source>blues</source>
            <extracomment>music</extracomment>
            <translation>布鲁斯</translation>
        </message>
        <message>
            <source>hard rock</source>
            <extracomment>music</extracomment>
            <translation>硬摇滚</translation>
        </message>
        <message>
            <source>acoustic</source>
            <extracomment>music</extracomment>
            <translation>原声</translation>
        </message>
        <message>
            <source>experimental</source>
            <extracomment>music</extracomment>
            <translation>实验</translation>
        </message>
        <message>
            <source>hip-hop</source>
            <extracomment>music</extracomment>
            <translation>嘻哈</translation>
        </message>
        <message>
            <source>70s</source>
            <extracomment>music</extracomment>
            <translation>70 年代</translation>
        </message>
        <message>
            <source>party</source>
            <extracomment>music</extracomment>
            <translation>派对</translation>
        </message>
        <message>
            <source>easy listening</source>
            <extracomment>music</extracomment>
            <translation>轻音乐</translation>
        </message>
        <message>
            <source>sexy</source>
            <extracomment>music</extracomment>
            <translation>性感</translation>
        </message>
        <message>
            <source>catchy</source>
            <extracomment>music</extracomment>
            <translation>抓耳</translation>
        </message>
        <message>
            <source>funk</source>
            <extracomment>music</extracomment>
            <translation>放克</translation>
        </message>
        <message>
            <source>electro</source>
            <extracomment>music</extracomment>
            <translation>电气舞曲</translation>
        </message>
        <message>
            <source>heavy metal</source>
            <extracomment>music</extracomment>
            <translation>重金属</translation>
        </message>
        <message>
            <source>progressive rock</source>
            <extracomment>music</extracomment>
            <translation>前卫摇滚</translation>
        </message>
        <message>
            <source>60s</source>
            <extracomment>music</extracomment>
            <translation>60 年代</translation>
        </message>
        <message>
            <source>r&amp;b</source>
            <extracomment>music</extracomment>
            <translation>节奏布鲁斯</translation>
        </message>
        <message>
            <source>indie pop</source>
            <extracomment>music</extracomment>
            <translation>独立流行</translation>
        </message>
        <message>
            <source>sad</source>
            <extracomment>music</extracomment>
            <translation>伤感</translation>
        </message>
        <message>
            <source>house</source>
            <extracomment>music</extracomment>
            <translation>浩室音乐</translation>
        </message>
        <message>
            <source>happy</source>
            <extracomment>music</extracomment>
            <translation>欢快</translation>
        </message>
    </context>
</TS>
