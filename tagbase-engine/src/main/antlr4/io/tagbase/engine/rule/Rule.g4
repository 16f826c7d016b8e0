/*
 * The Tagbase rule language: one grammar for the English and the Chinese forms of the same
 * conditions. Keywords are case-insensitive; names may be Chinese; full-width punctuation works.
 * docs/rules.md describes the language; AstBuilder turns a parse tree into the Rule AST.
 *
 * Chinese keywords are whole tokens, so separate them from Chinese names with a space or
 * punctuation ("城市 属于 (上海)", not "城市属于(上海)"): a run of letters is one name.
 */
grammar Rule;

options { caseInsensitive = true; }

ruleText : condition EOF ;

condition : andExpr (OR andExpr)* ;
andExpr   : notExpr (AND notExpr)* ;
notExpr   : NOT notExpr | primary ;

primary
  : LP condition RP                                      # parens
  | (HAS TAG | ZH_HAS_TAG) name                          # hasTag
  | DID NOT? eventRef (IN? window)?                      # did
  | window? (ZH_DID | ZH_DID_NOT) eventRef window?       # zhDid
  | operand predicate                                    # compare
  ;

operand
  : TAG name                                             # tagValue
  | TAGS                                                 # tagSet
  | aggFn LP eventRef (COMMA arith)? (COMMA window)? RP  # aggCall
  | DAYS SINCE (FIRST | LAST) LP eventRef (COMMA arith)? (COMMA window)? RP  # daysSince
  | window? eventRef (ZH_OF arith)? zhAggFn              # zhAgg
  | window? (ZH_SINCE_FIRST | ZH_SINCE_LAST) eventRef ZH_DAYS  # zhDaysSince
  | window name                                          # zhFused
  | ZH_LAST_DAYS_NAME                                    # zhFusedToken
  | name                                                 # attr
  ;

aggFn : COUNT | DISTINCT COUNT | SUM | AVG | MIN | MAX | FIRST | LAST | zhAggFn ;
zhAggFn : ZH_COUNT | ZH_DISTINCT | ZH_SUM | ZH_AVG | ZH_MIN | ZH_MAX | ZH_FIRST | ZH_LAST_TIME ;

eventRef : name (WHERE notExpr)? ;

predicate
  : compOp value                                         # cmp
  | BETWEEN value (AND | ZH_HE | ZH_TO) value            # between
  | (IN | ZH_IN) valueList                               # in
  | (NOT IN | ZH_NOT_IN) valueList                       # notIn
  | (EXISTS | ZH_EXISTS)                                 # exists
  | (MISSING | ZH_MISSING)                               # missing
  | (CONTAINS | ZH_CONTAINS) value                       # contains
  | (STARTS WITH | ZH_STARTS) value                      # startsWith
  | (ENDS WITH | ZH_ENDS) value                          # endsWith
  | (MATCHES | ZH_MATCHES) value                         # matches
  | (HAS SOME OF | ZH_SOME) valueList                    # hasSome
  | (HAS ALL OF | ZH_ALL) valueList                      # hasAll
  | (HAS NONE OF | ZH_NONE) valueList                    # hasNone
  ;

compOp : EQ | NE | LT | LE | GT | GE | ZH_EQ | ZH_NE | ZH_LT | ZH_LE | ZH_GT | ZH_GE ;

valueList : LP value (COMMA value)* RP ;

value
  : STRING                                               # stringValue
  | MINUS? NUMBER                                        # numberValue
  | TRUE                                                 # trueValue
  | FALSE                                                # falseValue
  | dateValue                                            # dateLiteral
  | name                                                 # wordValue
  ;

dateValue : DATE | TODAY ((PLUS | MINUS) NUMBER DAYS)? ;

window
  : LAST NUMBER DAYS                                     # lastDays
  | ZH_LAST_DAYS                                         # zhLastDays
  | (BETWEEN | ZH_FROM) dateValue (AND | ZH_HE | ZH_TO) dateValue  # betweenDates
  | (BEFORE | ZH_BEFORE) dateValue                       # before
  | (AFTER | ZH_AFTER) dateValue                         # after
  ;

arith
  : LP arith RP                                          # arithParens
  | MINUS? NUMBER                                        # arithNumber
  | name                                                 # arithProperty
  | arith op=(STAR | SLASH) arith                        # arithMul
  | arith op=(PLUS | MINUS) arith                        # arithAdd
  ;

name : ID | QUOTED_ID ;

// ---- Lexer. Keywords come before ID: on a tie of length the first rule wins. ----

ZH_LAST_DAYS : ('近' | '最近' | '过去') [ \t]* [0-9]+ [ \t]* ('天' | '日') ;
// 近30天下单次数: the window fused to a name, which would otherwise read as one long name
ZH_LAST_DAYS_NAME : ZH_LAST_DAYS [\p{L}_] [\p{L}\p{N}_]* ;

AND : 'and' | '且' | '并且' | '而且' ;
OR : 'or' | '或' | '或者' ;
NOT : 'not' | '非' ;
HAS : 'has' ;
TAG : 'tag' | '标签' ;
TAGS : 'tags' | '标签集' ;
ZH_HAS_TAG : '有标签' ;
DID : 'did' ;
ZH_DID : '做过' | '有过' ;
ZH_DID_NOT : '未做过' | '没做过' | '没有做过' | '未有过' ;
WHERE : 'where' | '其中' | '满足' ;
IN : 'in' ;
ZH_IN : '属于' | '在' ;
ZH_NOT_IN : '不属于' | '不在' ;
BETWEEN : 'between' | '介于' ;
ZH_FROM : '从' ;
ZH_HE : '和' | '与' ;
ZH_TO : '至' | '到' ;
EXISTS : 'exists' ;
ZH_EXISTS : '存在' | '有值' | '不为空' ;
MISSING : 'missing' ;
ZH_MISSING : '缺失' | '为空' | '无值' ;
CONTAINS : 'contains' ;
ZH_CONTAINS : '包含' ;
STARTS : 'starts' ;
ENDS : 'ends' ;
WITH : 'with' ;
ZH_STARTS : '开头是' ;
ZH_ENDS : '结尾是' ;
MATCHES : 'matches' ;
ZH_MATCHES : '匹配' ;
SOME : 'some' ;
ALL : 'all' ;
NONE : 'none' ;
OF : 'of' ;
ZH_SOME : '包含任一' | '含任一' ;
ZH_ALL : '包含全部' | '包含所有' ;
ZH_NONE : '不包含任何' | '不含任何' ;
COUNT : 'count' ;
DISTINCT : 'distinct' ;
SUM : 'sum' ;
AVG : 'avg' | 'average' ;
MIN : 'min' ;
MAX : 'max' ;
FIRST : 'first' ;
LAST : 'last' ;
ZH_COUNT : '次数' ;
ZH_DISTINCT : '去重数' | '去重计数' ;
ZH_SUM : '总和' | '合计' | '求和' ;
ZH_AVG : '平均' | '平均值' ;
ZH_MIN : '最小' | '最小值' ;
ZH_MAX : '最大' | '最大值' ;
ZH_FIRST : '首次时间' ;
ZH_LAST_TIME : '最近时间' | '末次时间' ;
ZH_OF : '的' ;
DAYS : 'days' | 'day' | '天' ;
SINCE : 'since' ;
ZH_SINCE_FIRST : '距首次' ;
ZH_SINCE_LAST : '距上次' ;
ZH_DAYS : '天数' ;
BEFORE : 'before' ;
AFTER : 'after' ;
ZH_BEFORE : '早于' ;
ZH_AFTER : '晚于' ;
TODAY : 'today' | '今天' | '今日' ;
TRUE : 'true' | '真' ;
FALSE : 'false' | '假' ;
ZH_EQ : '为' | '等于' ;
ZH_NE : '不为' | '不等于' ;
ZH_LT : '小于' | '少于' ;
ZH_LE : '小于等于' | '不超过' | '至多' ;
ZH_GT : '大于' | '多于' | '超过' ;
ZH_GE : '大于等于' | '不少于' | '至少' ;

LP : '(' | '（' ;
RP : ')' | '）' ;
COMMA : ',' | '，' | '、' ;
EQ : '=' | '==' | '＝' ;
NE : '!=' | '<>' | '≠' | '！=' | '！＝' ;
LE : '<=' | '≤' | '＜＝' ;
GE : '>=' | '≥' | '＞＝' ;
LT : '<' | '＜' ;
GT : '>' | '＞' ;
PLUS : '+' | '＋' ;
MINUS : '-' | '－' ;
STAR : '*' | '×' | '＊' ;
SLASH : '/' | '÷' | '／' ;

DATE : [0-9] [0-9] [0-9] [0-9] '-' [0-9] [0-9] '-' [0-9] [0-9] ;
NUMBER : [0-9]+ ('.' [0-9]+)? ;
STRING
  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'     // \" \\ \n \r \t; other \x stay as written: "\d+"
  | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\''
  | '「' ~[」\r\n]* '」'
  | '“' ~[”\r\n]* '”'
  ;
QUOTED_ID : '`' ~[`\r\n]+ '`' ;
ID : [\p{L}_] [\p{L}\p{N}_]* ;

WS : [ \t\r\n\u3000]+ -> skip ;
ANY : . ;
