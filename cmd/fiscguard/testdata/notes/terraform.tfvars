region = "ap-northeast-3" # declared nowhere: ignored
