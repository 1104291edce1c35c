PRAGMA application_id=1400139843;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('2026-11-22 caseload, users, grants and audit log');
CREATE TABLE audit (
    sequence INTEGER PRIMARY KEY,
    time INTEGER NOT NULL,
    user TEXT NOT NULL,
    role TEXT NOT NULL,
    client TEXT,
    action TEXT NOT NULL,
    context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
    detail TEXT NOT NULL,
    change_digest TEXT NOT NULL,
    previous TEXT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit VALUES(1,1796580772,'raj','clinical-lead',NULL,'user add','training','user raj as clinical-lead','4d6981e9413cc8c3a23cfb8cdacb8ad80c75098880b99424cc8c7ef4a37caf66','0000000000000000000000000000000000000000000000000000000000000000','2c5a4d42db363decf692048f22005f7b62d4cea83df14f465e3928781a472d49');
INSERT INTO audit VALUES(2,1796580772,'raj','clinical-lead',NULL,'login','training','','e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855','2c5a4d42db363decf692048f22005f7b62d4cea83df14f465e3928781a472d49','c5104b40a9fff7f1ef4216a27269d3a2eabd0df8fb37c314f62d20f307218b9b');
INSERT INTO audit VALUES(3,1796580772,'raj','clinical-lead',NULL,'user add','training','user ana as clinician','7760b2b497859cc8cab797ceba7cf8f3d870a8c3a2b934e54ee5ce3f8fd51d77','c5104b40a9fff7f1ef4216a27269d3a2eabd0df8fb37c314f62d20f307218b9b','930427a7859a33bd395de48b51644ea048b11e27ab403e639197667f85c9700c');
INSERT INTO audit VALUES(4,1796580772,'raj','clinical-lead',NULL,'user add','training','user lee as supervisor','fd5e46a020ddab008cef51fa90c863b9fa20b9b018fb826f1b9832dddb7b100f','930427a7859a33bd395de48b51644ea048b11e27ab403e639197667f85c9700c','8c0b567aa128109c749c6dec46295b0e9ae9ee498795b1eed6105096cc992e93');
INSERT INTO audit VALUES(5,1796580772,'raj','clinical-lead','C001','case new','training','1 case(s) opened; 1 event(s): referral','7931403fd3893e754ccf914facfe8d17c2b5a157b66c35ca0a9da4ee3dde9225','8c0b567aa128109c749c6dec46295b0e9ae9ee498795b1eed6105096cc992e93','6e86b055629b52163b4174d5a53e00dfb8db47fe1a44fc7c2a7ac71ae6a370d0');
INSERT INTO audit VALUES(6,1796580772,'raj','clinical-lead','C001','record score','training','1 event(s): score phq9','be2299761a46237726cf7bef03e20562a2fe2a67f6b75642a5b2f1d4fc2fec1e','6e86b055629b52163b4174d5a53e00dfb8db47fe1a44fc7c2a7ac71ae6a370d0','b743eb237672595c22ee29d617e7e4bae00552bcc0f4ba89e0e713e783b26882');
INSERT INTO audit VALUES(7,1796580772,'raj','clinical-lead','C001','record score','training','1 event(s): score gad7','6aa41af81abbad08fcf76fe4f752af584244123392c489f5da2d3b08df6de03d','b743eb237672595c22ee29d617e7e4bae00552bcc0f4ba89e0e713e783b26882','6d1f26b75480e04e2fea18721774061139d56cfc9a0ca43ad97c35e5e58e8724');
INSERT INTO audit VALUES(8,1796580772,'ana','clinician','C001','place','training','1 event(s): place to tier-1','7f19a5f6c17c8466c5821afba413db6961f6255a8014cdd2c71c52b3a604b6c6','6d1f26b75480e04e2fea18721774061139d56cfc9a0ca43ad97c35e5e58e8724','8c3a1675adf8d1451bae0556d1636728bb39e266946d25f8e39149ab502b7b77');
INSERT INTO audit VALUES(9,1796580772,'raj','clinical-lead','C001','record attended','training','1 event(s): attended','2ac1e53677fc4729bbe02b6c2e5beb426100ba6c3d7cf613201d878054423638','8c3a1675adf8d1451bae0556d1636728bb39e266946d25f8e39149ab502b7b77','05e28f41789e8416d49c8e0330ee4de481abc3cfb5eecbfd3c31aabc7a387ee3');
INSERT INTO audit VALUES(10,1796580772,'raj','clinical-lead','C001','record no-show','training','1 event(s): no-show','a1765d218bed5f0c767a14b7a6e00a53015c64fde721c3587c50752f596b315f','05e28f41789e8416d49c8e0330ee4de481abc3cfb5eecbfd3c31aabc7a387ee3','8e89e297a69d742b52f17cf777949aff3f6c6818595c3a76c26d721f180cecd0');
INSERT INTO audit VALUES(11,1796580772,'raj','clinical-lead','C001','record crisis','training','1 event(s): crisis','849461d681de3cf3ed6e2eb9b1cf0c28c69bcd8758ac21a967e97013d961bfa7','8e89e297a69d742b52f17cf777949aff3f6c6818595c3a76c26d721f180cecd0','808a4079a029fce30bc094b14085648b0c7d1a616678665fb7f51f15bb952cbd');
INSERT INTO audit VALUES(12,1796580772,'raj','clinical-lead','C001','record ed-visit','training','1 event(s): ed-visit','a4965e0ba229b607b2a9310d29ba48ac1ba6e6938f178e16ae3a7aeded42d489','808a4079a029fce30bc094b14085648b0c7d1a616678665fb7f51f15bb952cbd','ac6f403a2541780f2e2af83acf47de5b0b5fdbc8c70184545b45cf451eb116c0');
INSERT INTO audit VALUES(13,1796580772,'raj','clinical-lead','C001','record medication-concern','training','1 event(s): medication-concern','91355516f80dcb4fb7a7da153e921138e4e4c922e0b06acca67df4d2494f7898','ac6f403a2541780f2e2af83acf47de5b0b5fdbc8c70184545b45cf451eb116c0','91222065f9b084711e36a4e89f621c2534be1ce76565e51a04acd1ca25fffbf7');
INSERT INTO audit VALUES(14,1796580772,'raj','clinical-lead','C001','record plan','training','1 event(s): safety plan','e29a143d0ebd97d6a263d2c6f114a99e1d12836c38b1dff18c5f06cf90be169c','91222065f9b084711e36a4e89f621c2534be1ce76565e51a04acd1ca25fffbf7','f1e8aff59701434c0f0039b4cbe5a2eec68937c64b95fd7db4c383df1a2e5b4b');
INSERT INTO audit VALUES(15,1796580772,'ana','clinician','C001','record review','training','1 event(s): risk review','b766467c90cdc9ca52484d6f5dd781c22881a19d4c2ed24f90004a6c2231a558','f1e8aff59701434c0f0039b4cbe5a2eec68937c64b95fd7db4c383df1a2e5b4b','47f1b0e012cae2ac9af29e81bca5c1b6b712153a5c9a24dc2a6a22e128089a48');
INSERT INTO audit VALUES(16,1796580772,'ana','clinician','C001','record review','training','1 event(s): structured review','c49960da40c8e3c11b526e88acb69da5af2d36b037675cc8e3e1006921d14a40','47f1b0e012cae2ac9af29e81bca5c1b6b712153a5c9a24dc2a6a22e128089a48','8d5a339d2773054d282e1cbb5750dd7a6717e76320a3d52d8481c205ac56005f');
INSERT INTO audit VALUES(17,1796580772,'lee','supervisor','C001','record review','training','1 event(s): supervisor review','6ecf87e97c702ea3e3d84bafbfaf79ce39c0be1cda70b61f1375ad4af339d0ac','8d5a339d2773054d282e1cbb5750dd7a6717e76320a3d52d8481c205ac56005f','d302876b88170a17443abd1cb1bdb45e7a175e76a964bf5cae189adadb1349df');
INSERT INTO audit VALUES(18,1796580772,'ana','clinician','C001','step-up','training','1 event(s): step-up to tier-2','f10644f0e3944deec243a654d5c6af019fabcef31c96dee50a0586717d4739af','d302876b88170a17443abd1cb1bdb45e7a175e76a964bf5cae189adadb1349df','15c0941c2428e06bc5b21f49ba682b45d229e0f6c1d8a65e1b6e673be8858bdd');
INSERT INTO audit VALUES(19,1796580772,'ana','clinician','C001','record review','training','1 event(s): structured review','1f627f51ad4d3275aa1ddc62bd227a5dd1d2b248450809e8069aed3638a5726b','15c0941c2428e06bc5b21f49ba682b45d229e0f6c1d8a65e1b6e673be8858bdd','d7b5dea5ffca41c5ad539b09f7483d2e128b639768d6624a0f1440dbf35559de');
INSERT INTO audit VALUES(20,1796580772,'raj','clinical-lead','C001','record plan','training','1 event(s): stability plan','2f7f37aa971b24c91164bf99a83c05eb058ca5ee08f39e6ccdabf93dbd6eead2','d7b5dea5ffca41c5ad539b09f7483d2e128b639768d6624a0f1440dbf35559de','57f2f6c9e776f5b74f4138cbceab935c268fc5459b6a39ae83fb79bedd282c56');
INSERT INTO audit VALUES(21,1796580772,'ana','clinician','C001','step-down','training','3 event(s): step-down to tier-1, handover','9a14ad0a77dc874064d0c01649b91c88664e1f1897a2392546fc157eb416e0ef','57f2f6c9e776f5b74f4138cbceab935c268fc5459b6a39ae83fb79bedd282c56','bb8c61394b33d94534d5a5009e776b784dbb8d42dca98b91074ed13fe01f52cf');
INSERT INTO audit VALUES(22,1796580772,'ana','clinician','C001','override','training','1 event(s): override to tier-3','25d4d43ecd077ca252f9a8d788b85f9ba0387aa5df4685fb271586f1171d4d4a','bb8c61394b33d94534d5a5009e776b784dbb8d42dca98b91074ed13fe01f52cf','0f8889da4e26c60fd581a3ea643d960b8bb0ee08785834a22a70ef5d79ea9caa');
INSERT INTO audit VALUES(23,1796580772,'ana','clinician','C001','record review','training','1 event(s): structured review','ccc1e91f1d233030428b07c8a3a310c00b56e3621c12a1cc2481ef6340179421','0f8889da4e26c60fd581a3ea643d960b8bb0ee08785834a22a70ef5d79ea9caa','bad06b25d117331a755d8205e3bf5dc5338ada8f6bf7f5d909c1f339e1be04ac');
INSERT INTO audit VALUES(24,1796580772,'ana','clinician','C001','discharge','training','1 event(s): discharge','0a13b86a167f849475e4e87cd7d95c1f0e9d560119e9525e7a674b2a6cb2c2a7','bad06b25d117331a755d8205e3bf5dc5338ada8f6bf7f5d909c1f339e1be04ac','c72eb037b721119d04de8cb11f32880a56d2734a57fac960e513fc9a87bf514a');
INSERT INTO audit VALUES(25,1796580772,'raj','clinical-lead','C002','case new','training','1 case(s) opened; 1 event(s): referral','e4de8b34709f2fca1b07745d16128e563f818aa35627a9b629edaab37a8da288','c72eb037b721119d04de8cb11f32880a56d2734a57fac960e513fc9a87bf514a','ed4123e9c3eeec64e02f7dd22ecf566cccc61340b694eb0f6a53e4164be9ee2f');
INSERT INTO audit VALUES(26,1796580772,'raj','clinical-lead','C002','record score','training','1 event(s): score cssrs','eeff297471a36097fe905f149ef9802e37a2f484fe307f6aa2a02e318c5e11c4','ed4123e9c3eeec64e02f7dd22ecf566cccc61340b694eb0f6a53e4164be9ee2f','36127c81d2382e891ac333080184293b1c66e8abac69b5398966ac40d19bf4a3');
INSERT INTO audit VALUES(27,1796580772,'raj','clinical-lead','C002','record score','training','1 event(s): score k10','8f02b1bd148994a518f43cc48d0c36b8e90fc2702da382469552ae646bafabc3','36127c81d2382e891ac333080184293b1c66e8abac69b5398966ac40d19bf4a3','6819aa7e2402928bdfe54b5a1b81970b4ae13128aef8aecabab524acd4ebaf43');
INSERT INTO audit VALUES(28,1796580772,'raj','clinical-lead','C002','record score','training','1 event(s): score phq15','8345336fd338f8bd1a11a5eeae6c5bf200a59c8a548c48452d043c90cda1f972','6819aa7e2402928bdfe54b5a1b81970b4ae13128aef8aecabab524acd4ebaf43','54a161e13aac6d24208ee716b09dea6aa81921884d6c2a8295e7b80332e5caf4');
INSERT INTO audit VALUES(29,1796580772,'ana','clinician',NULL,'login','training','','e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855','54a161e13aac6d24208ee716b09dea6aa81921884d6c2a8295e7b80332e5caf4','9783c7494394c7af10eec2228fef6e38b542c332d94e21496605d910b63bb382');
INSERT INTO audit VALUES(30,1796580772,'ana','clinician',NULL,'break-glass','training','break-glass as clinical-lead until 2026-01-06T10:00','4e554d3bc001589983f34aa05f2a24eb914924171302a8ced9e709d173dfe326','9783c7494394c7af10eec2228fef6e38b542c332d94e21496605d910b63bb382','4f521224e1c0bb84e5dee61e315a2e2e279fad3bbdec5e0f9d9d235b25721ecd');
INSERT INTO audit VALUES(31,1796580772,'ana','clinician','C003','case new','training','1 case(s) opened; 1 event(s): referral','ec1665e81417d10b018d1c22de64da656d9dc518c6d9f78e066f6d16b4f2cc57','4f521224e1c0bb84e5dee61e315a2e2e279fad3bbdec5e0f9d9d235b25721ecd','4098d1c07b3fd600037731066b6409bbcbb35a0dbd909dbae27893e6f34d3c79');
INSERT INTO audit VALUES(32,1796580772,'ana','clinical-lead (break-glass)','C003','place','training','1 event(s): place to tier-1','c15efe9aa581464f03ce17dced8eaac3349327488c6694b0043f39af6db9445a','4098d1c07b3fd600037731066b6409bbcbb35a0dbd909dbae27893e6f34d3c79','70079f3b6943e1147164b92440ab0f98cbf2daf2a080ea4422913c115fbd3e15');
INSERT INTO audit VALUES(33,1796580772,'ana','clinical-lead (break-glass)','C003','override','training','1 event(s): override to tier-3','180c2919085da73f96f173dc61950af042997bd6ebed04aa940ab8a221f4dc6e','70079f3b6943e1147164b92440ab0f98cbf2daf2a080ea4422913c115fbd3e15','74b983814f6c984b33facf61b5d86acbf34d648fe57e67f6918f0ae6f0bbaf49');
INSERT INTO audit VALUES(34,1796580772,'ana','clinician','C004','case new','training','1 case(s) opened; 1 event(s): referral','b359d8f00b8efcb92a9660013f993a37b48e2d15746c7abf0a6db945031d7367','74b983814f6c984b33facf61b5d86acbf34d648fe57e67f6918f0ae6f0bbaf49','b6d4420967d59d1692f4bde3e968c1b3408320d945018093d18e3e5c8bbaabd1');
INSERT INTO audit VALUES(35,1796580772,'ana','clinical-lead (break-glass)','C004','place','training','1 event(s): place to tier-1','6395e4559c711d9a3510e6125ef619b79f4709bff150c583b108397833ab41a9','b6d4420967d59d1692f4bde3e968c1b3408320d945018093d18e3e5c8bbaabd1','0e3198346ba1cf8ab330e879a219263f2fece06cbfc0e15dfa4bca1ee778183b');
INSERT INTO audit VALUES(36,1796580772,'ana','clinical-lead (break-glass)','C004','override','training','1 event(s): override to tier-3','ebd4d76d1a8702fb242fda8101b3ad1c6d19b0c785b6fdcfafd6624451a80f69','0e3198346ba1cf8ab330e879a219263f2fece06cbfc0e15dfa4bca1ee778183b','251ca0b6fef2f6b1644c1aeb62a18b7d70536c690fc022b5aa2bdeb290df44e9');
INSERT INTO audit VALUES(37,1796580772,'ana','clinician','C005','case new','training','1 case(s) opened; 1 event(s): referral','52bae189e5d320056fe9f2aaf3db8ae637bb111201354bc7c2cacab89a2355bc','251ca0b6fef2f6b1644c1aeb62a18b7d70536c690fc022b5aa2bdeb290df44e9','a58a69ef0c51b5c5221c83e6649a51fb8ea7f4ba03fc2ab382f63f708b578fb5');
INSERT INTO audit VALUES(38,1796580772,'ana','clinical-lead (break-glass)','C005','place','training','1 event(s): place to tier-1','19f6fb9abc5d1785040252fcc3e75815e0a800f3dd326c0a019d972596a01cbb','a58a69ef0c51b5c5221c83e6649a51fb8ea7f4ba03fc2ab382f63f708b578fb5','08b7a80007b8ae8a3197ee178522fe55f5afdd5481135ebfe81010316c0bf69f');
INSERT INTO audit VALUES(39,1796580772,'ana','clinical-lead (break-glass)','C005','override','training','1 event(s): override to tier-3','fb262181c7cf40689c98293cdeba96ec2ae9404c79fcdd11d5e0f7022ec79cc0','08b7a80007b8ae8a3197ee178522fe55f5afdd5481135ebfe81010316c0bf69f','8c9aaa1d2d9f55507dced8346ed0b25def8f0bb4b8c09b6a81188f6a4ba57364');
INSERT INTO audit VALUES(40,1796580772,'ana','clinician','C006','case new','training','1 case(s) opened; 1 event(s): referral','000480b59702db6dd007a290bc294abf8b0eae174cab2908f61ffd2e58558972','8c9aaa1d2d9f55507dced8346ed0b25def8f0bb4b8c09b6a81188f6a4ba57364','a09b2298eae6407489643003cf77a285c838fda13560b7604f2fa74578230564');
INSERT INTO audit VALUES(41,1796580772,'ana','clinical-lead (break-glass)','C006','place','training','1 event(s): place to tier-1','8591e967d3ba34c929ceb3ff3638692757e11ad9bb111a4a951c81e760484429','a09b2298eae6407489643003cf77a285c838fda13560b7604f2fa74578230564','f29d9b1b315876425497f62a6b6bf74595cb43b79b2d4cd4fcce3d9992e68c2d');
INSERT INTO audit VALUES(42,1796580772,'ana','clinical-lead (break-glass)','C006','override','training','1 event(s): override to tier-3','5edcfd336f7b93d886ce08119eaf71b12b40cfea2fb780f5f0909387718f69f5','f29d9b1b315876425497f62a6b6bf74595cb43b79b2d4cd4fcce3d9992e68c2d','f05cc1724b15022c58778c7a497b2eb0d64beb66890acefaec1321101d695ccb');
INSERT INTO audit VALUES(43,1796580772,'ana','clinician','C007','case new','training','1 case(s) opened; 1 event(s): referral','a1b06bdb441fe29731717f5d38b37f069f7e35bf84594657b30f0a94050eb31f','f05cc1724b15022c58778c7a497b2eb0d64beb66890acefaec1321101d695ccb','cab631adadda82ea602bfbc25b410426d492e053d5d21d4e474abb0b1040aee5');
INSERT INTO audit VALUES(44,1796580772,'ana','clinical-lead (break-glass)','C007','place','training','1 event(s): place to tier-1','7dc1e35dac47679c4ae7a1ad0b7bd9f6284db0b1f77e2de9bae7a594d1d94d21','cab631adadda82ea602bfbc25b410426d492e053d5d21d4e474abb0b1040aee5','8bccbf037b44e1f3e0a8439ba2455110e7f81b054daf9bcc68be5e4e3d361e54');
INSERT INTO audit VALUES(45,1796580772,'ana','clinical-lead (break-glass)','C007','override','training','1 event(s): override to tier-3','048868a1fe5fa8941610a3d180e2000540ada539524c5b13a8167f7a13970c78','8bccbf037b44e1f3e0a8439ba2455110e7f81b054daf9bcc68be5e4e3d361e54','e94536dfb502b802913dea415778784e6b5414c1cf70f54870d1f621fd098310');
INSERT INTO audit VALUES(46,1796580772,'ana','clinician','C008','case new','training','1 case(s) opened; 1 event(s): referral','69b3715b79633e7081fce62ebfcad1998142b5a6833c04ce9aebbee08dd2ae9c','e94536dfb502b802913dea415778784e6b5414c1cf70f54870d1f621fd098310','212d1b4b0c3477af5035bc14972d8c60e654d8cc3c077109e3f36ea062e6c510');
INSERT INTO audit VALUES(47,1796580772,'ana','clinical-lead (break-glass)','C008','place','training','1 event(s): place to tier-1','6d56aac6448588b7fca99554df3afc13b5676e82bc9937b5327e5f9d77600e70','212d1b4b0c3477af5035bc14972d8c60e654d8cc3c077109e3f36ea062e6c510','092baf084e3a56e8c9a273e98703df2a2f7bb6a0da486fa13a4ebf1933f3ad5e');
INSERT INTO audit VALUES(48,1796580772,'ana','clinical-lead (break-glass)','C008','override','training','1 event(s): override to tier-3','6eb19ed56658a1a2c78732e5a77d4099acb8d8fac1de6bb9cf3751b2d55af1a8','092baf084e3a56e8c9a273e98703df2a2f7bb6a0da486fa13a4ebf1933f3ad5e','516862c326168c9de98019aeeb58e2ef1187b540cf7dba79c66c0840c53449da');
INSERT INTO audit VALUES(49,1796580772,'ana','clinician','C009','case new','training','1 case(s) opened; 1 event(s): referral','921a6efcc23f7bfe0f3ba372e173a7ebc1d182c3fd998e5dbfe82c4a880945f0','516862c326168c9de98019aeeb58e2ef1187b540cf7dba79c66c0840c53449da','4b12c673188177f7b21227d9c70783c5da3330ebf8d067adcc484b832ecda566');
INSERT INTO audit VALUES(50,1796580772,'ana','clinical-lead (break-glass)','C009','place','training','1 event(s): place to tier-1','0c8d20aecf3cd98e4dc85c3a4f5a6c5abbdb377f4387a1fd5036a6b227287f09','4b12c673188177f7b21227d9c70783c5da3330ebf8d067adcc484b832ecda566','e47787c39e236a60946067ae96fc5adc0678128850a55eb6f1523cfa987d2b7c');
INSERT INTO audit VALUES(51,1796580772,'ana','clinical-lead (break-glass)','C009','override','training','1 event(s): override to tier-3','c5b5fa91fc43d02513760fa66ba9879228f704e1202caba77715f9d9347c3980','e47787c39e236a60946067ae96fc5adc0678128850a55eb6f1523cfa987d2b7c','8d27f952983d4aea0fa1997abbebf1ec2aa30ae0c39972e42b8fcd5a348e6bff');
INSERT INTO audit VALUES(52,1796580772,'ana','clinician','C010','case new','training','1 case(s) opened; 1 event(s): referral','824f71236d86df44d6798318df5c1675ad15307c82d354aee60a24977bb65b37','8d27f952983d4aea0fa1997abbebf1ec2aa30ae0c39972e42b8fcd5a348e6bff','422c7f5d1a970d8b0d9b608a1cbcc4aec596a3d26c4c9b985bcfd167da811b80');
INSERT INTO audit VALUES(53,1796580772,'ana','clinical-lead (break-glass)','C010','place','training','1 event(s): place to tier-1','fe08003cc0322878988f0760d5e01fb754a4ac708794d9ef402c43d5956af780','422c7f5d1a970d8b0d9b608a1cbcc4aec596a3d26c4c9b985bcfd167da811b80','959406234230dbcee9cc317c591e01e6cb834dae949135ae34c12a382da6de8f');
INSERT INTO audit VALUES(54,1796580772,'ana','clinical-lead (break-glass)','C010','override','training','1 event(s): override to tier-3','51724ed8d556c3fdf1927fb5c6f5a1b1a6eede32df86eb9bd18ded3659e03da5','959406234230dbcee9cc317c591e01e6cb834dae949135ae34c12a382da6de8f','409692213b13a52e445a7b49dced0730fe6b7ee7c183570a3659db9f67b3d4f2');
INSERT INTO audit VALUES(55,1796580772,'ana','clinician','C011','case new','training','1 case(s) opened; 1 event(s): referral','143fc9780ac48b5f7668cf8c978d38298f387fa1314f99f129384c20b784607b','409692213b13a52e445a7b49dced0730fe6b7ee7c183570a3659db9f67b3d4f2','7f1e1572caee7ca10d8ee1f8b865123feb8f61c7d0604ede73c0582c60a11a9b');
INSERT INTO audit VALUES(56,1796580772,'ana','clinical-lead (break-glass)','C011','place','training','1 event(s): place to tier-1','e23e8a732a6d09b37ba4be5e6001dc5f50057e3919f199b8b7995874eb038a23','7f1e1572caee7ca10d8ee1f8b865123feb8f61c7d0604ede73c0582c60a11a9b','0d3abb31d75b5c765eee08f346861fb0602c5c1b36fd61a2e883a47f15825b22');
INSERT INTO audit VALUES(57,1796580772,'ana','clinical-lead (break-glass)','C011','override','training','1 event(s): waitlisted for tier-3','9c8cfbfa368caccb2af468392a3e701faa537a54fd426f1a1c13f67e4d385036','0d3abb31d75b5c765eee08f346861fb0602c5c1b36fd61a2e883a47f15825b22','8b19a2424ea4988786db0ed715f985a4b69bfac8b50faec59e02ceb6272138d1');
CREATE TABLE cases (
    context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
    id TEXT NOT NULL,
    pathway TEXT NOT NULL,
    demographics TEXT,
    audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
    PRIMARY KEY (context, id)
);
INSERT INTO cases VALUES('training','C001','community-stepped-care','{"age-band":"25-34","sex":"female"}',5);
INSERT INTO cases VALUES('training','C002','community-stepped-care',NULL,25);
INSERT INTO cases VALUES('training','C003','community-stepped-care',NULL,31);
INSERT INTO cases VALUES('training','C004','community-stepped-care',NULL,34);
INSERT INTO cases VALUES('training','C005','community-stepped-care',NULL,37);
INSERT INTO cases VALUES('training','C006','community-stepped-care',NULL,40);
INSERT INTO cases VALUES('training','C007','community-stepped-care',NULL,43);
INSERT INTO cases VALUES('training','C008','community-stepped-care',NULL,46);
INSERT INTO cases VALUES('training','C009','community-stepped-care',NULL,49);
INSERT INTO cases VALUES('training','C010','community-stepped-care',NULL,52);
INSERT INTO cases VALUES('training','C011','community-stepped-care',NULL,55);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    context TEXT NOT NULL,
    case_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
    FOREIGN KEY (context, case_id) REFERENCES cases(context, id)
);
INSERT INTO events VALUES(1,'training','C001',29459520,'referral','{"at":{"minutes":29459520},"kind":{"referral":{"preference":"tier-1"}}}',5);
INSERT INTO events VALUES(2,'training','C001',29460060,'administration','{"at":{"minutes":29460060},"kind":{"administration":{"_0":{"answers":[{"answered":{"_0":2}},{"answered":{"_0":2}},{"answered":{"_0":2}},{"answered":{"_0":2}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}}],"bandIndex":2,"bandLabel":"moderate","edition":"Kroenke, Spitzer & Williams 2001","instrumentID":"phq9","riskFlags":[{"action":"suicide-risk assessment (e.g. C-SSRS) the same day, whatever the total","item":9,"reason":{"positiveAnswer":{"value":1}},"ruleID":"phq9-item9-self-harm-thoughts","urgency":1}],"total":{"value":13}}}}}',6);
INSERT INTO events VALUES(3,'training','C001',29460150,'administration','{"at":{"minutes":29460150},"kind":{"administration":{"_0":{"answers":[{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":1}}],"bandIndex":1,"bandLabel":"mild","edition":"Spitzer, Kroenke, Williams & Löwe 2006","instrumentID":"gad7","riskFlags":[],"total":{"value":7}}}}}',7);
INSERT INTO events VALUES(4,'training','C001',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinician","name":"clinician"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',8);
INSERT INTO events VALUES(5,'training','C001',29461500,'attended','{"at":{"minutes":29461500},"kind":{"contact":{"attended":true}}}',9);
INSERT INTO events VALUES(6,'training','C001',29461500,'no-show','{"at":{"minutes":29461500},"kind":{"contact":{"attended":false}}}',10);
INSERT INTO events VALUES(7,'training','C001',29461500,'crisis','{"at":{"minutes":29461500},"kind":{"crisisContact":{}}}',11);
INSERT INTO events VALUES(8,'training','C001',29461500,'ed-visit','{"at":{"minutes":29461500},"kind":{"emergencyVisit":{}}}',12);
INSERT INTO events VALUES(9,'training','C001',29461500,'medication-concern','{"at":{"minutes":29461500},"kind":{"medicationConcern":{}}}',13);
INSERT INTO events VALUES(10,'training','C001',29461500,'plan','{"at":{"minutes":29461500},"kind":{"plan":{"_0":{"safety":{"summary":"call the crisis line"}}}}}',14);
INSERT INTO events VALUES(11,'training','C001',29461500,'review','{"at":{"minutes":29461500},"kind":{"review":{"_0":"risk","by":{"name":"ana","role":{"id":"clinician","name":"clinician"}}}}}',15);
INSERT INTO events VALUES(12,'training','C001',29461500,'review','{"at":{"minutes":29461500},"kind":{"review":{"_0":"structured","by":{"name":"ana","role":{"id":"clinician","name":"clinician"}}}}}',16);
INSERT INTO events VALUES(13,'training','C001',29461500,'review','{"at":{"minutes":29461500},"kind":{"review":{"_0":"supervisor","by":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}}}}}',17);
INSERT INTO events VALUES(14,'training','C001',29461500,'step-up','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinician","name":"clinician"}},"from":"tier-1","kind":"step-up","slot":"standard","tier":"tier-2"}}}}',18);
INSERT INTO events VALUES(15,'training','C001',29461500,'review','{"at":{"minutes":29461500},"kind":{"review":{"_0":"structured","by":{"name":"ana","role":{"id":"clinician","name":"clinician"}}}}}',19);
INSERT INTO events VALUES(16,'training','C001',29461500,'plan','{"at":{"minutes":29461500},"kind":{"plan":{"_0":{"stability":{"_0":{"copingActions":"walk","earlyWarningSigns":"sleep \"poor\"","followUpSchedule":"2 calls","reaccessRoute":"ring the team"}}}}}}',20);
INSERT INTO events VALUES(17,'training','C001',29461500,'step-down','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinician","name":"clinician"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-2","kind":"step-down","slot":"standard","tier":"tier-1"}}}}',21);
INSERT INTO events VALUES(18,'training','C001',29461500,'handover','{"at":{"minutes":29461500},"kind":{"handoverScheduled":{"due":{"minutes":29471580},"number":1}}}',21);
INSERT INTO events VALUES(19,'training','C001',29461500,'handover','{"at":{"minutes":29461500},"kind":{"handoverScheduled":{"due":{"minutes":29481660},"number":2}}}',21);
INSERT INTO events VALUES(20,'training','C001',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinician","name":"clinician"}},"coSigner":{"name":"raj","role":{"id":"clinical-lead","name":"clinical lead"}},"from":"tier-1","kind":"override","reason":"crisis – out of hours","slot":"standard","tier":"tier-3"}}}}',22);
INSERT INTO events VALUES(21,'training','C001',29461500,'review','{"at":{"minutes":29461500},"kind":{"review":{"_0":"structured","by":{"name":"ana","role":{"id":"clinician","name":"clinician"}}}}}',23);
INSERT INTO events VALUES(22,'training','C001',29461500,'discharge','{"at":{"minutes":29461500},"kind":{"discharge":{"by":{"name":"ana","role":{"id":"clinician","name":"clinician"}},"reason":"completed"}}}',24);
INSERT INTO events VALUES(23,'training','C002',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',25);
INSERT INTO events VALUES(24,'training','C002',29461500,'administration','{"at":{"minutes":29461500},"kind":{"administration":{"_0":{"answers":[{"answered":{"_0":1}},{"answered":{"_0":1}},{"answered":{"_0":0}},{"answered":{"_0":0}},{"answered":{"_0":0}},{"notAnswered":{}},{"answered":{"_0":0}}],"edition":"Columbia Protocol screen version, recent (LOINC 93373-9); data-collection shell without wording","instrumentID":"cssrs","riskFlags":[{"action":"suicide-risk review by a clinician the same day; ask whether it was within the past 3 months (C-SSRS moderate risk unless recent)","item":6,"reason":{"notAnswered":{}},"ruleID":"cssrs-q6-behaviour-lifetime","urgency":1},{"action":"refer to outpatient care and give crisis-line details (C-SSRS low risk)","item":1,"reason":{"positiveAnswer":{"value":1}},"ruleID":"cssrs-q1-wish-to-be-dead","urgency":0},{"action":"refer to outpatient care and give crisis-line details (C-SSRS low risk)","item":2,"reason":{"positiveAnswer":{"value":1}},"ruleID":"cssrs-q2-suicidal-thoughts","urgency":0}]}}}}',26);
INSERT INTO events VALUES(25,'training','C002',29461500,'administration','{"at":{"minutes":29461500},"kind":{"administration":{"_0":{"answers":[{"answered":{"_0":4}},{"answered":{"_0":3}},{"answered":{"_0":2}},{"answered":{"_0":1}},{"answered":{"_0":0}},{"answered":{"_0":0}},{"answered":{"_0":1}},{"answered":{"_0":2}},{"answered":{"_0":3}},{"answered":{"_0":4}}],"bandIndex":3,"bandLabel":"very high","edition":"Kessler et al. 2002, US scoring (items 0–4, total 0–40)","instrumentID":"k10","riskFlags":[],"total":{"value":20},"variantID":"us-abs"}}}}',27);
INSERT INTO events VALUES(26,'training','C002',29461500,'administration','{"at":{"minutes":29461500},"kind":{"administration":{"_0":{"answers":[{"answered":{"_0":0}},{"answered":{"_0":1}},{"answered":{"_0":2}},{"notApplicable":{}},{"answered":{"_0":1}},{"answered":{"_0":0}},{"answered":{"_0":1}},{"answered":{"_0":2}},{"answered":{"_0":0}},{"answered":{"_0":1}},{"answered":{"_0":0}},{"answered":{"_0":1}},{"answered":{"_0":2}},{"answered":{"_0":0}},{"answered":{"_0":1}}],"bandIndex":2,"bandLabel":"medium","edition":"Kroenke, Spitzer & Williams 2002","instrumentID":"phq15","riskFlags":[],"total":{"value":12}}}}}',28);
INSERT INTO events VALUES(27,'training','C003',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',31);
INSERT INTO events VALUES(28,'training','C003',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',32);
INSERT INTO events VALUES(29,'training','C003',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',33);
INSERT INTO events VALUES(30,'training','C004',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',34);
INSERT INTO events VALUES(31,'training','C004',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',35);
INSERT INTO events VALUES(32,'training','C004',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',36);
INSERT INTO events VALUES(33,'training','C005',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',37);
INSERT INTO events VALUES(34,'training','C005',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',38);
INSERT INTO events VALUES(35,'training','C005',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',39);
INSERT INTO events VALUES(36,'training','C006',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',40);
INSERT INTO events VALUES(37,'training','C006',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',41);
INSERT INTO events VALUES(38,'training','C006',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',42);
INSERT INTO events VALUES(39,'training','C007',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',43);
INSERT INTO events VALUES(40,'training','C007',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',44);
INSERT INTO events VALUES(41,'training','C007',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',45);
INSERT INTO events VALUES(42,'training','C008',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',46);
INSERT INTO events VALUES(43,'training','C008',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',47);
INSERT INTO events VALUES(44,'training','C008',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',48);
INSERT INTO events VALUES(45,'training','C009',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',49);
INSERT INTO events VALUES(46,'training','C009',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',50);
INSERT INTO events VALUES(47,'training','C009',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',51);
INSERT INTO events VALUES(48,'training','C010',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',52);
INSERT INTO events VALUES(49,'training','C010',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',53);
INSERT INTO events VALUES(50,'training','C010',29461500,'override','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"coSigner":{"name":"lee","role":{"id":"supervisor","name":"supervisor"}},"from":"tier-1","kind":"override","reason":"r","slot":"standard","tier":"tier-3"}}}}',54);
INSERT INTO events VALUES(51,'training','C011',29461500,'referral','{"at":{"minutes":29461500},"kind":{"referral":{}}}',55);
INSERT INTO events VALUES(52,'training','C011',29461500,'place','{"at":{"minutes":29461500},"kind":{"placement":{"_0":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"kind":"place","slot":"standard","tier":"tier-1"}}}}',56);
INSERT INTO events VALUES(53,'training','C011',29461500,'waitlisted','{"at":{"minutes":29461500},"kind":{"waitlisted":{"actor":{"name":"ana","role":{"id":"clinical-lead","name":"clinical lead"}},"move":"override","tier":"tier-3"}}}',57);
CREATE TABLE users (
    context TEXT NOT NULL CHECK (context IN ('live', 'training', 'simulation')),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
    PRIMARY KEY (context, name)
);
INSERT INTO users VALUES('training','raj','clinical-lead',1);
INSERT INTO users VALUES('training','ana','clinician',3);
INSERT INTO users VALUES('training','lee','supervisor',4);
CREATE TABLE grants (
    id INTEGER PRIMARY KEY,
    context TEXT NOT NULL,
    user TEXT NOT NULL,
    role TEXT NOT NULL,
    reason TEXT NOT NULL,
    starts INTEGER NOT NULL,
    ends INTEGER NOT NULL,
    audit_sequence INTEGER NOT NULL REFERENCES audit(sequence),
    FOREIGN KEY (context, user) REFERENCES users(context, name)
);
INSERT INTO grants VALUES(1,'training','ana','clinical-lead','night cover',29461500,29461560,30);
CREATE INDEX audit_client ON audit(client);
CREATE INDEX events_case ON events(context, case_id);
CREATE INDEX events_audit ON events(audit_sequence);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER cases_no_update BEFORE UPDATE ON cases
    BEGIN SELECT RAISE(ABORT, 'cases is append-only'); END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
    BEGIN SELECT RAISE(ABORT, 'cases is append-only'); END;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events is append-only'); END;
CREATE TRIGGER users_no_update BEFORE UPDATE ON users
    BEGIN SELECT RAISE(ABORT, 'users is append-only'); END;
CREATE TRIGGER users_no_delete BEFORE DELETE ON users
    BEGIN SELECT RAISE(ABORT, 'users is append-only'); END;
CREATE TRIGGER grants_no_update BEFORE UPDATE ON grants
    BEGIN SELECT RAISE(ABORT, 'grants is append-only'); END;
CREATE TRIGGER grants_no_delete BEFORE DELETE ON grants
    BEGIN SELECT RAISE(ABORT, 'grants is append-only'); END;
COMMIT;
